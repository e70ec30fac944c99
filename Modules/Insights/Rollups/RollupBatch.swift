import Contracts
import Kernel

/// Contributions summed per program, affiliate, day and dimension value, then fanned out to the cells of every
/// scope and period they count in. Summing first means a fold of many clicks builds each cell's key once, and a
/// conversion's old and new contributions cancel before any cell is touched.
struct RollupBatch {
    private var wide: [WideDay: Sums] = [:]
    private var dimensions: [DimensionDay: CounterSet] = [:]
    private var standings: [AffiliateDay: Sums] = [:]
    private var profiles: [ProfileDay: CounterSet] = [:]
    private var affiliateDimensions: [AffiliateDimensionDay: CounterSet] = [:]

    /// Totals count in every period; day-only splits (the hour) only in day cells.
    private struct Sums {
        var totals = CounterSet()
        var daily = CounterSet()

        mutating func add(_ contribution: Contribution) {
            totals.add(contribution.totals)
            daily.add(contribution.daily)
        }
    }

    mutating func add(_ contribution: Contribution, day: CalendarDay, program: ProgramID, affiliate: AffiliateID) {
        guard !contribution.isEmpty else { return }
        wide[WideDay(program: program, day: day), default: Sums()].add(contribution)
        for (dimension, value, counts) in contribution.dimensions {
            dimensions[DimensionDay(program: program, day: day, dimension: dimension, value: ClickProfile.bounded(value)), default: CounterSet()].add(counts)
        }
        standings[AffiliateDay(program: program, affiliate: affiliate, day: day), default: Sums()].add(contribution)
        if !contribution.profileCounts.isEmpty {
            for (dimension, value, _) in contribution.dimensions {
                let at = AffiliateDimensionDay(affiliate: affiliate, day: day, dimension: dimension, value: ClickProfile.bounded(value))
                affiliateDimensions[at, default: CounterSet()].add(contribution.profileCounts)
            }
        }
        if let profile = contribution.profile, !contribution.profileCounts.isEmpty {
            var bytes: [UInt8] = []
            profile.appendKeyBytes(to: &bytes)
            profiles[ProfileDay(affiliate: affiliate, day: day, profile: bytes), default: CounterSet()].add(contribution.profileCounts)
        }
    }

    /// Every cell the batch changes in the `rollups` table, with its increments.
    func forEachCell(_ keys: RollupKeys, _ visit: (StoreKey, CounterSet) throws -> Void) rethrows {
        func append(_ key: StoreKey, _ counters: CounterSet) throws {
            if !counters.isEmpty { try visit(key, counters) }
        }
        for (at, sums) in wide {
            let month = Period.month(at.day.month)
            for scope in [WideScope.tenant, .program(at.program)] {
                try append(keys.series(scope, .day(at.day)), sums.totals + sums.daily)
                try append(keys.series(scope, month), sums.totals)
            }
        }
        for (at, counts) in dimensions {
            let month = Period.month(at.day.month)
            for scope in [WideScope.tenant, .program(at.program)] {
                try append(keys.dimension(scope, at.dimension, .day(at.day), value: at.value), counts)
                try append(keys.dimension(scope, at.dimension, month, value: at.value), counts)
            }
        }
        for (at, sums) in standings {
            for shift in StandingLevel.shifts {
                let key = keys.standing(shift: shift, block: at.day.number >> shift, program: at.program, affiliate: at.affiliate)
                try append(key, shift == 0 ? sums.totals + sums.daily : sums.totals)
            }
        }
        for (at, counts) in affiliateDimensions {
            try append(keys.affiliateDimension(at.affiliate, at.dimension, .day(at.day), value: at.value), counts)
            try append(keys.affiliateDimension(at.affiliate, at.dimension, .month(at.day.month), value: at.value), counts)
        }
        for (at, counts) in profiles {
            try append(keys.profile(at.affiliate, at.day, RawKeyBytes(bytes: at.profile[...])), counts)
        }
    }

    func add(into store: borrowing some StoreWriter & ~Copyable, _ keys: RollupKeys) throws {
        try forEachCell(keys) { try store.add(.rollups, $0, $1) }
    }
}

private struct WideDay: Hashable {
    let program: ProgramID
    let day: CalendarDay
}

private struct DimensionDay: Hashable {
    let program: ProgramID
    let day: CalendarDay
    let dimension: Dimension
    let value: String
}

private struct AffiliateDay: Hashable {
    let program: ProgramID
    let affiliate: AffiliateID
    let day: CalendarDay
}

private struct AffiliateDimensionDay: Hashable {
    let affiliate: AffiliateID
    let day: CalendarDay
    let dimension: Dimension
    let value: String
}

private struct ProfileDay: Hashable {
    let affiliate: AffiliateID
    let day: CalendarDay
    /// The profile's key bytes (`ClickProfile.appendKeyBytes`).
    let profile: [UInt8]

    /// The profile's bytes in one call: the derived hash fed the hasher one byte at a time.
    func hash(into hasher: inout Hasher) {
        hasher.combine(affiliate)
        hasher.combine(day)
        profile.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
