public import Logging

/// How a Vouch server runs. `vouch serve` fills it from flags and `VOUCH_*` environment variables.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "./data"
    public var tenantsDirectory = "./tenants"
    /// The operator's token; when `nil`, one is generated on first start and kept in the data directory.
    public var adminToken: String?
    /// The base URL Vouch puts in what it hands out; `http://<host>:<port>` when `nil`.
    public var publicURL: String?
    /// Requests per minute per API key.
    public var apiRateLimit = 1_200
    /// Imports per minute per API key (the spec's `import` policy).
    public var importRateLimit = 6
    /// Requests per minute per client address for calls without a valid key.
    public var anonymousRateLimit = 600
    /// Requests per minute per client address on the public storefront's reads.
    public var publicReadRateLimit = 600
    /// Applications per minute per client address on the public storefront.
    public var publicWriteRateLimit = 60
    /// Tracking calls (clicks, verify, leads) per minute per client address. Generous, because a brand's backend
    /// forwarding server-side clicks calls from one address.
    public var trackingRateLimit = 6_000
    public var logLevel: Logger.Level = .info
    /// A MaxMind-format database (`.mmdb`) that gives clicks their country; without it (and without `countryHeader`)
    /// countries are unknown.
    public var geoIPDatabase: String?
    /// The request header in which a proxy in front of Vouch puts the client's country (`CF-IPCountry`). Trusted as
    /// is, so set it only when that proxy always overwrites the header a client sends.
    public var countryHeader: String?
    /// The operator's exchange rates (`ExchangeRateFile`), read again when the file changes; without it, metrics
    /// leave out amounts that are not in the tenant's home currency and say so.
    public var exchangeRatesFile: String?
    /// Whether the Insights rollups are kept as events are recorded. Only `tools/bench/ingest.sh` turns this off, to
    /// measure what keeping them costs the server: events recorded without it are missing from every dashboard until
    /// `vouch rollups --repair`.
    public var insightsProjections = true
    /// Whether clicks (and rollup folds) are answered before their fsync, which a second thread runs within 100 ms.
    /// A killed process loses nothing either way; off, a power cut cannot leave the store unusable either (LMDB's
    /// `MDB_NOSYNC` caveat), at the cost of an fsync for every commit.
    public var deferredSync = true

    public init() {}

    /// The base of the links Vouch hands out.
    public var effectivePublicURL: String { publicURL ?? "http://\(host):\(port)" }
}
