import Affiliates
import Billing
import Contracts
import Insights
import Kernel
import Logging
import Programs
import Storage
import Tracking

/// The services the seeder writes through, wired over one data directory as `VouchServices` wires them for the
/// server, with or without the Insights projector on the bus.
struct SeedServices: Sendable {
    let store: LMDBStore
    let tenants: TenantRegistry
    let credentials: CredentialStore
    let programs: ProgramService
    let affiliates: AffiliateService
    let clicks: ClickService
    let ledger: ConversionLedger
    let billing: BillingIngestion
    let signatures: RequestSignatureVerifier
    let folder: RollupFolder

    init(dataDirectory: String, projections: Bool) throws {
        store = try LMDBStore(path: dataDirectory)
        let bus = EventBus(logger: Logger(label: "insights-seeder"))
        if projections { bus.addProjector(InsightsProjector()) }
        let database = Database(engine: store, bus: bus)
        let clock = HistoricalClock()
        let ids = IDGenerator(clock: clock)
        tenants = TenantRegistry(database: database, clock: clock, ids: ids)
        credentials = CredentialStore(database: database, clock: clock, ids: ids, tenants: tenants)
        programs = ProgramService(database: database, clock: clock, ids: ids)
        affiliates = AffiliateService(database: database, clock: clock, ids: ids, programs: programs)
        let params = AttributionParamsService(database: database, clock: clock)
        let passthrough = PassthroughReferrerService(database: database, clock: clock)
        clicks = ClickService(
            database: database, clock: clock, ids: ids, programs: programs, affiliates: affiliates, tenants: tenants, params: params,
            passthrough: passthrough)
        ledger = ConversionLedger(database: database, clock: clock, ids: ids, programs: programs, affiliates: affiliates, tenants: tenants)
        billing = BillingIngestion(
            database: database, clock: clock, ids: ids, programs: programs, affiliates: affiliates, tenants: tenants, clicks: clicks, ledger: ledger)
        signatures = RequestSignatureVerifier(secrets: credentials, clock: clock)
        // Without the projections the clicks are not folded either: what they cost is the projections' cost.
        folder = RollupFolder(store: store, clicks: projections ? clicks.log : NoClickLog())
    }
}
