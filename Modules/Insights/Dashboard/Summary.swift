import Contracts
import Kernel

extension InsightsQuery {
    /// `GET /api/v1/dashboard/summary`: headline numbers of the window. Refunded and Denied rows count in neither
    /// conversions nor earnings; `pendingPayoutsCents` is every approved, unpaid commission to date.
    func summary(in store: borrowing some StoreReader & ~Copyable) throws -> JSONValue {
        let totals = try reader.totals(scope, window, in: store)
        let standings = try activeAffiliates(totals, in: store)
        let pending = try reader.totals(scope, allTime, in: store)
        var members: [(String, JSONValue)] = [
            ("totalClicks", .int(totals.count(.clicks))),
            ("totalConversions", .int(totals.count(.conversions))),
            ("totalLeads", .int(totals.count(.leads))),
            ("totalEarningsCents", .int(money.cents(totals, .commission))),
            ("conversionRate", .double(Ratio.percent(totals.count(.conversions), of: totals.count(.clicks)))),
            ("activeAffiliates", .int(Int64(standings))),
            ("pendingPayoutsCents", .int(money.cents(pending, .payableCommission))),
        ]
        members += money.members
        return .object(members)
    }

    /// Affiliates with a click, lead or conversion in the window.
    private func activeAffiliates(_ totals: CounterSet, in store: borrowing some StoreReader & ~Copyable) throws -> Int {
        switch scope {
        case .nothing: return 0
        case .affiliate:
            return totals.count(.clicks) + totals.count(.leads) + totals.count(.conversions) > 0 ? 1 : 0
        case .tenant, .program:
            let program: ProgramID? = if case .program(let id) = scope { id } else { nil }
            return try reader.standings(window, program: program, metrics: [.clicks, .leads, .conversions], in: store).count {
                $0.totals.count(.clicks) + $0.totals.count(.leads) + $0.totals.count(.conversions) > 0
            }
        }
    }
}
