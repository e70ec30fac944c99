import Contracts
import Kernel

/// Sums rollup cells over a window inside one read transaction. Series and dimension queries read month cells for
/// whole months and day cells for the ends; an affiliate's totals come from its standing blocks.
struct RollupReader {
    let keys: RollupKeys
    /// Standing blocks that start later hold nothing yet, which makes them cheap to read (`StandingLevel.signedCover`).
    let today: CalendarDay

    /// The totals of the window (without day-only splits such as the hour of day).
    func totals(_ scope: InsightsScope, _ window: InsightsWindow, in store: borrowing some StoreReader & ~Copyable) throws -> CounterSet {
        guard let days = window.days else { return CounterSet() }
        var sum = CounterSet()
        switch scope {
        case .nothing: break
        case .tenant, .program:
            for period in Period.cover(days) { sum.add(try cell(keys.series(scope.wide!, period), in: store)) }
        case .affiliate(let affiliate, let program):
            for (shift, block) in StandingLevel.cover(days) {
                sum.add(try cell(keys.standing(shift: shift, block: block, program: program, affiliate: affiliate), in: store))
            }
        }
        return sum
    }

    /// Each day's totals, day-only splits included, oldest first; days without activity are empty sets.
    func daily(_ scope: InsightsScope, _ window: InsightsWindow, in store: borrowing some StoreReader & ~Copyable) throws -> [(CalendarDay, CounterSet)] {
        try window.eachDay.map { day in
            switch scope {
            case .nothing: (day, CounterSet())
            case .tenant, .program: (day, try cell(keys.series(scope.wide!, .day(day)), in: store))
            case .affiliate(let affiliate, let program): (day, try cell(keys.standing(shift: 0, block: day.number, program: program, affiliate: affiliate), in: store))
            }
        }
    }

    /// Counts per value of a text dimension over the window: whole months and the days at the ends.
    func values(
        of dimension: Dimension, _ scope: InsightsScope, _ window: InsightsWindow, in store: borrowing some StoreReader & ~Copyable
    ) throws -> [String: CounterSet] {
        guard let days = window.days else { return [:] }
        var sums: [String: CounterSet] = [:]
        for period in Period.cover(days) {
            let values: Keyspace
            switch scope {
            case .nothing: return [:]
            case .tenant, .program: values = keys.dimensionValues(scope.wide!, dimension, period)
            case .affiliate(let affiliate, _): values = keys.affiliateDimensionValues(affiliate, dimension, period)
            }
            try store.scan(.rollups, prefix: values.prefix) { key, bytes in
                let value = String(decoding: key.suffix(after: values.prefix).dropLast(), as: UTF8.self)
                sums[value, default: CounterSet()].add(try CounterSet(encoded: bytes))
                return true
            }
        }
        return sums
    }

    /// An affiliate's profile cells of the window, each combination summed over its days.
    func profiles(_ affiliate: AffiliateID, _ window: InsightsWindow, in store: borrowing some StoreReader & ~Copyable) throws -> [(ClickProfile, CounterSet)] {
        var sums: [ProfileKey: (ClickProfile, CounterSet)] = [:]
        try scanProfiles(affiliate, window, in: store) { suffix, bytes in
            let counts = try CounterSet(encoded: bytes)
            let key = ProfileKey(bytes: Array(suffix))
            // The same combination comes back day after day: decode its key once.
            if let index = sums.index(forKey: key) {
                sums.values[index].1.add(counts)
            } else {
                guard let profile = ClickProfile(keyBytes: suffix) else {
                    throw StoreError(.corrupted, message: "unreadable rollup profile key \(suffix)")
                }
                sums[key] = (profile, counts)
            }
        }
        return Array(sums.values)
    }

    /// Visits the key (after the day's prefix) and value of each of an affiliate's profile cells in the window.
    private func scanProfiles(
        _ affiliate: AffiliateID, _ window: InsightsWindow, in store: borrowing some StoreReader & ~Copyable,
        _ visit: (ArraySlice<UInt8>, [UInt8]) throws -> Void
    ) throws {
        for day in window.eachDay {
            let space = keys.profiles(affiliate, day)
            try store.scan(.rollups, prefix: space.prefix) { key, bytes in
                try visit(key.suffix(after: space.prefix), bytes)
                return true
            }
        }
    }

    /// Every affiliate's totals of `metrics` over the window, optionally of one program only. Each standing block
    /// holds thousands of affiliates' cells, each with dozens of slots: as few blocks as possible are read, some of
    /// them to be taken away, and their cells in place, only up to the last wanted metric (slots are sorted, the
    /// metric in their high bits). An affiliate whose activity was all taken away is left with an empty set.
    func standings(
        _ window: InsightsWindow, program: ProgramID?, metrics: Set<Metric>, in store: borrowing some StoreReader & ~Copyable
    ) throws -> [(affiliate: AffiliateID, totals: CounterSet)] {
        guard let days = window.days, let lastWanted = metrics.map(\.rawValue).max() else { return [] }
        // A bit per metric: a set lookup per slot would cost more than the sum it saves.
        let wanted = metrics.reduce(UInt64(0)) { $0 | 1 << $1.rawValue }
        var sums = StandingSums()
        let cover = StandingLevel.signedCover(days, today: today)
        // Longest blocks first: they hold the most affiliates, so later blocks mostly meet affiliates already known.
        let blocks = cover.add.sorted { $0.shift > $1.shift }.map { ($0, false) } + cover.subtract.map { ($0, true) }
        for ((shift, block), subtract) in blocks {
            var space = keys.standings(shift: shift, block: block)
            if let program { space = space.narrowed(to: program) }
            sums.startBlock()
            try store.scanInPlace(.rollups, prefix: space.prefix) { key, value in
                guard let position = sums.position(of: UnsafeRawBufferPointer(rebasing: key.suffix(16))) else { return true }
                try CounterSet.forEachEntry(encoded: value) { slot, count in
                    let metric = slot >> 16
                    guard metric <= lastWanted else { return false }
                    if wanted & 1 << metric != 0 { sums.add(slot, subtract ? 0 &- count : count, at: position) }
                    return true
                }
                return true
            }
        }
        return sums.standings
    }

    private func cell(_ key: StoreKey, in store: borrowing some StoreReader & ~Copyable) throws -> CounterSet {
        try store.get(.rollups, key).map { try CounterSet(encoded: $0) } ?? CounterSet()
    }
}

/// A profile cell's key bytes as a dictionary key, hashed in one call rather than byte by byte as `[UInt8]` is.
private struct ProfileKey: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
}

extension ClickProfile {
    /// A sale without a click.
    var isUnknown: Bool { device == nil }
}
