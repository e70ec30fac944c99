import Kernel

/// The brand's insights modules, `GET /api/v1/dashboard/insights/{module}`.
enum InsightsModule: String, CaseIterable {
    case overview
    case saleOrigin = "sale-origin"
    case geography, devices, utm
    case timePatterns = "time-patterns"
    case timeToConvert = "time-to-convert"
    case funnel, attribution, recurring, customers

    func report(_ query: InsightsQuery, in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        switch self {
        case .overview: try query.overview(in: store)
        case .saleOrigin: try query.saleOrigin(in: store)
        case .geography: try query.geography(in: store)
        case .devices: try query.devices(in: store)
        case .utm: try query.utm(in: store)
        case .timePatterns: try query.timePatterns(in: store)
        case .timeToConvert: try query.timeToConvert(in: store)
        case .funnel: try query.funnel(in: store)
        case .attribution: try query.attribution(in: store)
        case .recurring: try query.recurring(in: store)
        case .customers: try query.customers(in: store)
        }
    }
}

extension InsightsQuery {
    /// A report of one object whose members are also the CSV's single row.
    func single(_ members: [(String, JSONValue)]) -> InsightsReport {
        InsightsReport(json: .object(members + money.members), rows: [members], header: members.map(\.0))
    }

    /// A report listing `rows` under `key`, beside `extra` members; the CSV holds the rows.
    func list(_ key: String, _ rows: [[(String, JSONValue)]], header: [String], extra: [(String, JSONValue)] = []) -> InsightsReport {
        InsightsReport(json: .object([(key, .array(rows.map(JSONValue.object)))] + extra + money.members), rows: rows, header: header)
    }
}
