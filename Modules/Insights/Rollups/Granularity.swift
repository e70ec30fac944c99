/// The period a rollup cell covers. Tenant- and program-wide cells are kept per day and per month, so a long window
/// reads whole months and only its ragged ends day by day.
enum Granularity: UInt8 {
    case day = 1
    case month = 2
}

/// One cell's period: a day or a month number.
struct Period: Hashable {
    let granularity: Granularity
    let number: Int

    static func day(_ day: CalendarDay) -> Period { Period(granularity: .day, number: day.number) }
    static func month(_ month: CalendarMonth) -> Period { Period(granularity: .month, number: month.number) }

    /// The fewest periods that cover the days `days` exactly: whole months inside, single days at the ends.
    static func cover(_ days: ClosedRange<CalendarDay>) -> [Period] {
        var periods: [Period] = []
        var day = days.lowerBound
        while day <= days.upperBound {
            let month = day.month
            if day == month.firstDay, month.lastDay <= days.upperBound {
                periods.append(.month(month))
                day = month.next.firstDay
            } else {
                periods.append(.day(day))
                day = day.advanced(by: 1)
            }
        }
        return periods
    }
}

/// Blocks of 1, 4, 16, 64 and 256 days, aligned on day numbers, into which each affiliate's totals are also
/// summed: the leaderboard of any window reads a handful of blocks per affiliate instead of every day.
enum StandingLevel {
    static let shifts: [Int] = [0, 2, 4, 6, 8]

    /// The blocks, as (shift, block number), that cover `days` exactly.
    static func cover(_ days: ClosedRange<CalendarDay>) -> [(shift: Int, block: Int)] {
        cover(days.lowerBound.number, days.upperBound.number)
    }

    /// Blocks to add and blocks to take away whose sum is exactly `days`, with as few blocks to read as it finds. A
    /// window's ragged end is often cheaper as one longer aligned block less what lies outside the window, above all
    /// when that lies after `today`: such blocks hold nothing yet, so reading them costs a seek, and anything dated
    /// there already is still taken away exactly. Every block costs about the same to read otherwise, since nearly
    /// every affiliate has a cell in each.
    static func signedCover(_ days: ClosedRange<CalendarDay>, today: CalendarDay) -> (add: [(shift: Int, block: Int)], subtract: [(shift: Int, block: Int)]) {
        let first = days.lowerBound.number
        let last = days.upperBound.number
        func cost(_ blocks: [(shift: Int, block: Int)]) -> Int { blocks.count { $0.block << $0.shift <= today.number } }
        var best = (add: cover(first, last), subtract: [(shift: Int, block: Int)]())
        var bestCost = cost(best.add)
        for startShift in shifts {
            for endShift in shifts {
                let start = (first >> startShift) << startShift
                let end = (((last >> endShift) + 1) << endShift) - 1
                let add = cover(start, end)
                let subtract = cover(start, first - 1) + cover(last + 1, end)
                if cost(add) + cost(subtract) < bestCost { (best, bestCost) = ((add, subtract), cost(add) + cost(subtract)) }
            }
        }
        return best
    }

    /// The blocks covering the day numbers `first` through `last`, longest aligned block first at each step.
    private static func cover(_ first: Int, _ last: Int) -> [(shift: Int, block: Int)] {
        var blocks: [(Int, Int)] = []
        var day = first
        while day <= last {
            let shift = shifts.last { day % (1 << $0) == 0 && day + (1 << $0) - 1 <= last } ?? 0
            blocks.append((shift, day >> shift))
            day += 1 << shift
        }
        return blocks
    }
}
