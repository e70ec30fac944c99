import Contracts
import Kernel

/// Fans contributions out to the cells of every scope and period they count in, as counter increments that the
/// writer sums per batch (`StoreWriter.add`).
struct RollupWriter {
    let keys: RollupKeys

    func add(
        _ contribution: Contribution, day: CalendarDay, program: ProgramID, affiliate: AffiliateID,
        into store: borrowing some StoreWriter & ~Copyable
    ) throws {
        for cell in cells(contribution, day: day, program: program, affiliate: affiliate) {
            try store.add(cell.table, cell.key, cell.counters)
        }
    }

    func cells(_ contribution: Contribution, day: CalendarDay, program: ProgramID, affiliate: AffiliateID) -> [CounterIncrement] {
        guard !contribution.isEmpty else { return [] }
        var cells: [CounterIncrement] = []
        cells.reserveCapacity(8 + 4 * contribution.dimensions.count + StandingLevel.shifts.count)
        let dayTotals = contribution.totals + contribution.daily
        for scope in [WideScope.tenant, .program(program)] {
            for period in [Period.day(day), .month(day.month)] {
                cells.append(CounterIncrement(.rollups, keys.series(scope, period), period.granularity == .day ? dayTotals : contribution.totals))
                for (dimension, value, counts) in contribution.dimensions {
                    cells.append(CounterIncrement(.rollups, keys.dimension(scope, dimension, period, value: ClickProfile.bounded(value)), counts))
                }
            }
        }
        for shift in StandingLevel.shifts {
            let key = keys.standing(shift: shift, block: day.number >> shift, program: program, affiliate: affiliate)
            cells.append(CounterIncrement(.rollups, key, shift == 0 ? dayTotals : contribution.totals))
        }
        if let profile = contribution.profile, !contribution.profileCounts.isEmpty {
            cells.append(CounterIncrement(.rollups, keys.profile(affiliate, day, profile), contribution.profileCounts))
        }
        return cells
    }
}
