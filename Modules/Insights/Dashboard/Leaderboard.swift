import Contracts
import Kernel

/// How `GET /api/v1/dashboard/leaderboard` ranks affiliates.
enum LeaderboardMetric: String, CaseIterable {
    case clicks, conversions, earnings, epc

    /// The rollup metrics the ranking needs: each cell is read only up to the last of them.
    var inputs: Set<Metric> {
        switch self {
        case .clicks: [.clicks]
        case .conversions: [.conversions]
        case .earnings: [.commission]
        case .epc: [.clicks, .commission]
        }
    }
}

extension InsightsQuery {
    /// The top affiliates of the window by the metric, highest first (ties by id). For `epc` every affiliate with a
    /// click qualifies, at 0 too (spec); for the other metrics a value of 0 does not place.
    func leaderboard(in store: borrowing some StoreReader & ~Copyable) throws -> JSONValue {
        let rawMetric = parameter("metric") ?? LeaderboardMetric.conversions.rawValue
        guard let metric = LeaderboardMetric(rawValue: rawMetric) else {
            throw DomainError.validation("metric", "metric must be one of \(LeaderboardMetric.allCases.map(\.rawValue).joined(separator: " | "))")
        }
        var limit = 10
        if let raw = parameter("limit") {
            guard let value = Int(raw), (1...50).contains(value) else { throw DomainError.validation("limit", "limit must be an integer between 1 and 50") }
            limit = value
        }
        let standings: [(affiliate: AffiliateID, totals: CounterSet)] =
            switch scope {
            case .nothing: []
            case .tenant: try reader.standings(window, program: nil, metrics: metric.inputs, in: store)
            case .program(let program): try reader.standings(window, program: program, metrics: metric.inputs, in: store)
            case .affiliate(let affiliate, let program): [(affiliate, try reader.totals(.affiliate(affiliate, program: program), window, in: store))]
            }
        let ranked: [(AffiliateID, JSONValue, Double)] = standings.compactMap { affiliate, totals in
            let clicks = totals.count(.clicks)
            switch metric {
            case .clicks: return clicks > 0 ? (affiliate, .int(clicks), Double(clicks)) : nil
            case .conversions:
                let conversions = totals.count(.conversions)
                return conversions > 0 ? (affiliate, .int(conversions), Double(conversions)) : nil
            case .earnings:
                let cents = money.cents(totals, .commission)
                return cents != 0 ? (affiliate, .int(cents), Double(cents)) : nil
            case .epc:
                guard clicks > 0 else { return nil }
                let epc = Ratio.rounded(Double(money.cents(totals, .commission)) / Double(clicks), decimals: 4)
                return (affiliate, .double(epc), epc)
            }
        }
        var rows: [JSONValue] = []
        for (affiliate, value, _) in ranked.sorted(by: { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }) {
            guard rows.count < limit else { break }
            // Deleted affiliates are gone from the roster; the board shows people who can still be reached.
            guard let summary = try affiliates.affiliateSummary(tenant, affiliate) else { continue }
            rows.append(
                .object([
                    ("affiliateId", .string(affiliate.description)), ("fullName", summary.fullName.map(JSONValue.string) ?? .null),
                    ("email", .string(summary.email)), ("value", value),
                ]))
        }
        return .array(rows)
    }
}
