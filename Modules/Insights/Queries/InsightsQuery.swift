import Contracts
import Foundation
import Kernel

/// One request for metrics, resolved: whose activity, which days, in which currency, plus the module's own
/// parameters. Built by `InsightsService` and read in one read transaction.
struct InsightsQuery {
    let tenant: TenantID
    let scope: InsightsScope
    let window: InsightsWindow
    let money: HomeMoney
    let parameter: (String) -> String?
    let audience: Audience
    let reader: RollupReader
    /// What the rollups do not hold: names and emails for the leaderboard, link slugs for the affiliate's view.
    let affiliates: any AffiliateDirectory

    /// The window from the first day there can be rollups for, to its end: all-time totals. A window without a day
    /// ends where it starts, so the days before it.
    var allTime: InsightsWindow {
        InsightsWindow(first: CalendarDay(number: 0), last: window.days?.upperBound ?? CalendarDay(window.until).advanced(by: -1))
    }
}

/// Who asks: the brand sees revenue; an affiliate sees only their own counts and commission.
enum Audience {
    case brand, affiliate
}

extension InsightsQuery {
    /// The money column of a breakdown row: `revenueCents` for the brand, `commissionCents` for an affiliate.
    var amountName: String { audience == .brand ? "revenueCents" : "commissionCents" }

    func amount(_ counts: CounterSet) -> Int64 { money.cents(counts, audience == .brand ? .revenue : .commission) }
}
