public import Hummingbird
public import Kernel
public import Contracts
public import Logging
import Billing
import Insights
import Storage

/// Builds a ready-to-run server: opens the store in the data directory, applies the tenant files, mounts the
/// routes. The store and the bus run as services of the application and shut down after the HTTP server.
public func buildApplication(
    _ configuration: ServerConfiguration, clock: any WallClock = SystemClock(), notifier: (any Notifier)? = nil, logger: Logger? = nil
) async throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "vouch")
    logger.logLevel = configuration.logLevel
    let engine = try LMDBStore(path: configuration.dataDirectory, syncInterval: configuration.deferredSync ? LMDBStore.defaultSyncInterval : nil)
    let bus = EventBus(logger: logger)
    let rates: any ExchangeRateSource =
        configuration.exchangeRatesFile.map { [logger] in ExchangeRateFile(path: $0, onError: { logger.warning("\($0)") }) } ?? ExchangeRates.none
    let services = VouchServices(
        database: Database(engine: engine, bus: bus), clock: clock,
        blobs: FileBlobStore(directory: configuration.dataDirectory + "/files"), notifier: notifier ?? LogNotifier(logger: logger),
        publicURL: configuration.effectivePublicURL, rates: rates, insightsProjections: configuration.insightsProjections)
    if !configuration.insightsProjections {
        logger.warning("Insights projections are off: dashboards miss what is recorded until `vouch rollups --repair`")
    }
    let adminToken = try AdminToken.resolve(configured: configuration.adminToken, dataDirectory: configuration.dataDirectory, logger: logger)
    try await upgradeRollupLayout(services, logger: logger)
    try await TenantFiles.apply(directory: configuration.tenantsDirectory, tenants: services.tenants, programs: services.programs, logger: logger)

    let router = try buildRouter(services: services, configuration: configuration, adminToken: adminToken, clock: clock)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Vouch"),
        logger: logger)
    app.addServices(StoreService(store: engine, logger: logger), bus)
    // Without the projections nothing folds in the background either; a query still folds its tenant's clicks.
    if configuration.insightsProjections { app.addServices(RollupFoldService(folder: services.insights.folder, logger: logger)) }
    return app
}
