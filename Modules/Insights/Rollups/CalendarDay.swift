import Foundation
import Kernel

/// A UTC calendar day, counted from 1970-01-01. Rollups are kept per day and per month; this is the arithmetic
/// between the two, without a `Calendar` on the projection path.
struct CalendarDay: Hashable, Comparable, Strideable {
    let number: Int

    init(number: Int) { self.number = number }

    init(_ date: Date) { number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// The inverse of `Timestamp.civilDate`.
    init(year: Int, month: Int, day: Int) {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: Int64(number))
        return (Int(year), Int(month), Int(day))
    }

    /// 0 is Sunday.
    var weekday: Int { ((number + 4) % 7 + 7) % 7 }

    var start: Date { Date(timeIntervalSince1970: Double(number) * 86_400) }

    /// `2026-04-14`.
    var iso: String {
        let (year, month, day) = civil
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    var month: CalendarMonth {
        let (year, month, _) = civil
        return CalendarMonth(number: year * 12 + month - 1)
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }
    func advanced(by n: Int) -> Self { Self(number: number + n) }
    func distance(to other: Self) -> Int { other.number - number }
}

/// A UTC calendar month, counted as `year × 12 + month − 1`.
struct CalendarMonth: Hashable, Comparable {
    let number: Int

    var firstDay: CalendarDay { CalendarDay(year: number / 12, month: number % 12 + 1, day: 1) }
    var next: CalendarMonth { CalendarMonth(number: number + 1) }
    var lastDay: CalendarDay { next.firstDay.advanced(by: -1) }

    /// `2026-04`.
    var iso: String {
        let month = number % 12 + 1
        return "\(number / 12)-\(month < 10 ? "0" : "")\(month)"
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }
}
