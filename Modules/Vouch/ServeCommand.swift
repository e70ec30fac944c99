import ArgumentParser
import Foundation
import HTTPServer
import Hummingbird
import Logging

/// `vouch serve`: runs the server until SIGTERM or SIGINT, then finishes in-flight requests and pending writes.
/// Each flag falls back to its `VOUCH_*` environment variable, then to the default.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the Vouch server.")

    @Option(help: "Address to listen on (VOUCH_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (VOUCH_PORT, default 8080).") var port: Int?
    @Option(name: .customLong("data-dir"), help: "Directory of the embedded database (VOUCH_DATA_DIR, default ./data).") var dataDirectory: String?
    @Option(name: .customLong("tenants-dir"), help: "Directory of tenant files applied at start (VOUCH_TENANTS_DIR, default ./tenants).")
    var tenantsDirectory: String?
    @Option(name: .customLong("geoip-db"), help: "MaxMind-format country database (.mmdb) for click countries (VOUCH_GEOIP_DB).")
    var geoIPDatabase: String?
    @Option(name: .customLong("country-header"), help: "Header in which a trusted proxy puts the client's country, e.g. CF-IPCountry (VOUCH_COUNTRY_HEADER).")
    var countryHeader: String?
    @Option(name: .customLong("fx-rates"), help: "JSON exchange-rate table for normalizing metrics to each home currency (VOUCH_FX_RATES).")
    var exchangeRatesFile: String?
    @Flag(help: ArgumentHelp("Record events without keeping the Insights rollups, for benchmarks only.", visibility: .hidden))
    var withoutInsightsProjections = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ServerConfiguration()
        configuration.host = host ?? environment["VOUCH_HOST"] ?? configuration.host
        configuration.port = try port ?? environment["VOUCH_PORT"].map { try Self.integer($0, "VOUCH_PORT") } ?? configuration.port
        configuration.dataDirectory = dataDirectory ?? environment["VOUCH_DATA_DIR"] ?? configuration.dataDirectory
        configuration.tenantsDirectory = tenantsDirectory ?? environment["VOUCH_TENANTS_DIR"] ?? configuration.tenantsDirectory
        configuration.geoIPDatabase = geoIPDatabase ?? environment["VOUCH_GEOIP_DB"]
        configuration.countryHeader = countryHeader ?? environment["VOUCH_COUNTRY_HEADER"]
        configuration.exchangeRatesFile = exchangeRatesFile ?? environment["VOUCH_FX_RATES"]
        configuration.insightsProjections = !withoutInsightsProjections
        configuration.adminToken = environment["VOUCH_ADMIN_TOKEN"]
        configuration.publicURL = environment["VOUCH_PUBLIC_URL"]
        configuration.apiRateLimit = try environment["VOUCH_RATE_LIMIT"].map { try Self.integer($0, "VOUCH_RATE_LIMIT") } ?? configuration.apiRateLimit
        configuration.publicReadRateLimit =
            try environment["VOUCH_PUBLIC_RATE_LIMIT"].map { try Self.integer($0, "VOUCH_PUBLIC_RATE_LIMIT") } ?? configuration.publicReadRateLimit
        configuration.publicWriteRateLimit =
            try environment["VOUCH_PUBLIC_WRITE_RATE_LIMIT"].map { try Self.integer($0, "VOUCH_PUBLIC_WRITE_RATE_LIMIT") }
            ?? configuration.publicWriteRateLimit
        configuration.trackingRateLimit =
            try environment["VOUCH_TRACKING_RATE_LIMIT"].map { try Self.integer($0, "VOUCH_TRACKING_RATE_LIMIT") }
            ?? configuration.trackingRateLimit
        if let deferral = environment["VOUCH_DEFERRED_SYNC"] {
            guard let on = ["on": true, "off": false][deferral] else { throw ValidationError("VOUCH_DEFERRED_SYNC must be on or off") }
            configuration.deferredSync = on
        }
        if let level = environment["VOUCH_LOG_LEVEL"] {
            guard let parsed = Logger.Level(rawValue: level) else { throw ValidationError("VOUCH_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical") }
            configuration.logLevel = parsed
        }
        let app = try await buildApplication(configuration)
        try await app.runService()
    }

    private static func integer(_ value: String, _ name: String) throws -> Int {
        guard let number = Int(value), number > 0 else { throw ValidationError("\(name) must be a positive integer") }
        return number
    }
}
