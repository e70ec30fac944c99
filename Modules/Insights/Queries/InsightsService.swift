public import Contracts
public import Kernel

/// Answers every dashboard and insights query from the rollups, in one read transaction per request, after folding
/// what the tenant has pending so that every answered click and sale counts.
public struct InsightsService: Sendable {
    let database: Database
    let clock: any WallClock
    let tenants: any TenantDirectory
    let affiliates: any AffiliateDirectory
    let rates: any ExchangeRateSource
    /// Folds what is pending: the queries' and the server's background folds share it, so they never overlap.
    public let folder: RollupFolder

    public init(
        database: Database, clock: any WallClock, tenants: any TenantDirectory, affiliates: any AffiliateDirectory, clicks: any ClickLog,
        rates: any ExchangeRateSource
    ) {
        self.database = database
        self.clock = clock
        self.tenants = tenants
        self.affiliates = affiliates
        self.rates = rates
        folder = RollupFolder(store: database.engine, clicks: clicks)
    }

    public func summary(_ tenant: TenantID, _ parameter: @escaping (String) -> String?) async throws -> JSONValue {
        try await run(tenant, parameter) { query, store in try query.summary(in: store) }
    }

    public func timeseries(_ tenant: TenantID, _ parameter: @escaping (String) -> String?) async throws -> InsightsReport {
        try await run(tenant, parameter) { query, store in try query.timeseriesReport(in: store) }
    }

    public func leaderboard(_ tenant: TenantID, _ parameter: @escaping (String) -> String?) async throws -> JSONValue {
        try await run(tenant, parameter) { query, store in try query.leaderboard(in: store) }
    }

    public func trafficSources(_ tenant: TenantID, _ parameter: @escaping (String) -> String?) async throws -> JSONValue {
        try await run(tenant, parameter) { query, store in try query.trafficSources(in: store) }
    }

    /// One of the insights modules by its path name; `nil` for an unknown name.
    public func module(_ name: String, _ tenant: TenantID, _ parameter: @escaping (String) -> String?) async throws -> InsightsReport? {
        guard let module = InsightsModule(rawValue: name) else { return nil }
        return try await run(tenant, parameter, audience: .brand) { query, store in try module.report(query, in: store) }
    }

    /// An affiliate's own view of a module: always scoped to `affiliate`, whatever the parameters say.
    public func affiliateModule(_ name: String, _ tenant: TenantID, _ affiliate: AffiliateID, _ parameter: @escaping (String) -> String?) async throws -> InsightsReport? {
        guard let module = AffiliateInsightsModule(rawValue: name) else { return nil }
        let scoped: (String) -> String? = { name in
            switch name {
            case "affiliateId": affiliate.description
            case "programId": nil
            default: parameter(name)
            }
        }
        return try await run(tenant, scoped, audience: .affiliate) { query, store in try module.report(query, in: store) }
    }

    private func run<T>(
        _ tenant: TenantID, _ parameter: @escaping (String) -> String?, audience: Audience = .brand, _ body: (InsightsQuery, borrowing any StoreReader & ~Copyable) throws -> T) async throws -> T {
        let now = clock.now()
        let window = try InsightsWindow.parse(since: parameter("since"), until: parameter("until"), now: now)
        let programID = try ProgramID.parse(parameter("programId"), field: "programId")
        let affiliateID = try AffiliateID.parse(parameter("affiliateId"), field: "affiliateId")
        let scope = try InsightsScope.resolve(tenant: tenant, programID: programID, affiliateID: affiliateID, affiliates: affiliates)
        try await folder.catchUp(tenant)
        guard let home = try tenants.tenant(tenant)?.homeCurrency else { throw DomainError.notFound("Organization") }
        let query = InsightsQuery(
            tenant: tenant, scope: scope, window: window, money: HomeMoney(home: home, rates: rates.current()), parameter: parameter, audience: audience,
            reader: RollupReader(keys: RollupKeys(tenant), today: CalendarDay(now)), affiliates: affiliates)
        return try database.read { store in try body(query, store) }
    }
}
