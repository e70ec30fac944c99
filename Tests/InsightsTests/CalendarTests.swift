import Foundation
@testable import Insights
import Testing

@Suite struct CalendarTests {
    @Test func daysMonthsAndWeekdaysAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for number in stride(from: -800, through: 40_000, by: 37) {
            let day = CalendarDay(number: number)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day.start)
            #expect(day.civil == (parts.year!, parts.month!, parts.day!))
            #expect(day.weekday == parts.weekday! - 1)
            #expect(CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!) == day)
            #expect(day.month.firstDay <= day && day <= day.month.lastDay)
        }
        #expect(CalendarDay(year: 2024, month: 2, day: 1).month.lastDay.iso == "2024-02-29")
        // The last second of a day is still that day.
        #expect(CalendarDay(Date(timeIntervalSince1970: 86_400 * 3 - 1)).number == 2)
    }

    @Test func aWindowIsCoveredByWholeMonthsAndItsRaggedEnds() {
        let first = CalendarDay(year: 2026, month: 1, day: 30)
        let last = CalendarDay(year: 2026, month: 4, day: 2)
        let periods = Period.cover(first...last)
        #expect(periods.filter { $0.granularity == .month }.map { CalendarMonth(number: $0.number).iso } == ["2026-02", "2026-03"])
        #expect(periods.filter { $0.granularity == .day }.count == 2 + 2)
        // Every day exactly once.
        let days = periods.flatMap { period in
            period.granularity == .day
                ? [period.number] : Array(CalendarMonth(number: period.number).firstDay.number...CalendarMonth(number: period.number).lastDay.number)
        }
        #expect(days == Array(first.number...last.number))
    }

    @Test func standingBlocksCoverAnyWindowExactlyAndFew() {
        for (start, length) in [(20_000, 1), (20_001, 30), (20_403, 365), (19_999, 731), (20_480, 256)] {
            let blocks = StandingLevel.cover(CalendarDay(number: start)...CalendarDay(number: start + length - 1))
            let days = blocks.flatMap { shift, block in Array((block << shift)..<((block + 1) << shift)) }
            #expect(days == Array(start..<(start + length)))
            #expect(blocks.count <= 2 * 3 * StandingLevel.shifts.count + length / 256)
        }
    }

    @Test func signedBlocksSumToTheWindowExactlyAndCostNoMoreToRead() {
        for start in stride(from: 20_380, through: 20_420, by: 3) {
            for length in [1, 2, 7, 30, 31, 90, 365, 400] {
                for todayOffset in [-40, -1, 0, 1, 5, 300] {
                    let (first, last) = (start, start + length - 1)
                    let today = last + todayOffset
                    let (add, subtract) = StandingLevel.signedCover(CalendarDay(number: first)...CalendarDay(number: last), today: CalendarDay(number: today))
                    var times: [Int: Int] = [:]
                    for (shift, block) in add { for day in (block << shift)..<((block + 1) << shift) { times[day, default: 0] += 1 } }
                    for (shift, block) in subtract { for day in (block << shift)..<((block + 1) << shift) { times[day, default: 0] -= 1 } }
                    #expect(times.filter { $0.value != 0 } == Dictionary(uniqueKeysWithValues: (first...last).map { ($0, 1) }), "\(first) \(length) \(today)")
                    let reads = (add + subtract).count { $0.block << $0.shift <= today }
                    let plain = StandingLevel.cover(CalendarDay(number: first)...CalendarDay(number: last)).count { $0.block << $0.shift <= today }
                    #expect(reads <= plain)
                }
            }
        }
        // The dashboard's default window ending today reads one 64-day block and a few more, not ten.
        let today = CalendarDay(number: 20_779)
        let (add, subtract) = StandingLevel.signedCover(today.advanced(by: -30)...today, today: today)
        #expect((add + subtract).count { $0.block << $0.shift <= today.number } <= 4)
    }
}
