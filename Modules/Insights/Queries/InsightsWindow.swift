public import Foundation
public import Kernel

/// The whole UTC days a query covers: from the day of `since` up to `until` (exclusive), defaulting to the last
/// 30 days. Rollups are kept per day, so a window never splits a day; `since`/`until` at midnight are exact.
public struct InsightsWindow: Sendable, Equatable {
    /// `nil` when the window holds no day.
    let days: ClosedRange<CalendarDay>?
    /// The start of the first day.
    public let since: Date
    /// The end of the last day.
    public let until: Date

    init(first: CalendarDay, last: CalendarDay) {
        days = first <= last ? first...last : nil
        since = first.start
        until = max(first, last.advanced(by: 1)).start
    }

    /// Ten years: a daily series is answered day by day, so an unbounded window would be an unbounded answer.
    static let maximumDays = 3_660

    /// From the `since` and `until` query parameters: ISO-8601 timestamps or plain dates (`2026-04-14`).
    public static func parse(since: String?, until: String?, now: Date, defaultDays: Int = 30) throws(DomainError) -> InsightsWindow {
        let end = try until.map { (raw) throws(DomainError) in try Timestamp.queryBound(raw, "until") } ?? now
        let start = try since.map { (raw) throws(DomainError) in try Timestamp.queryBound(raw, "since") } ?? end.addingTimeInterval(-Double(defaultDays) * 86_400)
        guard start <= end else { throw DomainError.validation("since", "since must not be after until") }
        // `until` is exclusive: at midnight its day is not part of the window.
        let endDay = CalendarDay(end)
        let last = endDay.start == end ? endDay.advanced(by: -1) : endDay
        // Nothing is recorded before 1970, and day cells are numbered from then.
        let first = max(CalendarDay(start), CalendarDay(number: 0))
        guard last.number - first.number < maximumDays else {
            throw DomainError.validation("since", "a window spans at most \(maximumDays) days")
        }
        return InsightsWindow(first: first, last: last)
    }

    /// Every day of the window, oldest first.
    var eachDay: [CalendarDay] { days.map { Array($0) } ?? [] }
}
