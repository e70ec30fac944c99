import Contracts
import Kernel

/// Adds contributions to the cells of every scope and period they count in, as counter increments that the writer
/// sums per batch (`StoreWriter.add`).
struct RollupWriter {
    let keys: RollupKeys

    func add(
        _ contribution: Contribution, day: CalendarDay, program: ProgramID, affiliate: AffiliateID,
        into store: borrowing some StoreWriter & ~Copyable
    ) throws {
        guard !contribution.isEmpty else { return }
        let dayTotals = contribution.totals + contribution.daily
        let periods = [Period.day(day), .month(day.month)]
        for scope in [WideScope.tenant, .program(program)] {
            for period in periods {
                try store.add(.rollups, keys.series(scope, period), period.granularity == .day ? dayTotals : contribution.totals)
                for (dimension, value, counts) in contribution.dimensions {
                    try store.add(.rollups, keys.dimension(scope, dimension, period, value: ClickProfile.bounded(value)), counts)
                }
            }
        }
        for shift in StandingLevel.shifts {
            let key = keys.standing(shift: shift, block: day.number >> shift, program: program, affiliate: affiliate)
            try store.add(.rollups, key, shift == 0 ? dayTotals : contribution.totals)
        }
        if let profile = contribution.profile, !contribution.profileCounts.isEmpty {
            try store.add(.rollups, keys.profile(affiliate, day, profile), contribution.profileCounts)
        }
    }
}
