public import Foundation

/// ISO-8601 UTC timestamps with a `Z` and whole seconds (`2026-05-01T12:00:00Z`), as every API field renders them.
public enum Timestamp {
    /// Formats with plain calendar arithmetic: every response renders several timestamps, and a FormatStyle costs
    /// more than the rest of the record.
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = [UInt8]()
        text.reserveCapacity(20)
        append(year, width: 4, to: &text)
        text.append(UInt8(ascii: "-"))
        append(month, width: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        append(day, width: 2, to: &text)
        text.append(UInt8(ascii: "T"))
        append(secondOfDay / 3_600, width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(secondOfDay / 60 % 60, width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, width: 2, to: &text)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Parses `2026-05-01T12:00:00Z`, with or without fractional seconds or an offset.
    public static func parse(_ string: String) -> Date? {
        if let date = try? Date(string, strategy: .iso8601) { return date }
        return try? Date(string, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// What a query's `since` or `until` may be: a timestamp, one without an offset (read as UTC), or a date (its
    /// midnight UTC).
    public static func parse(timeOrDate string: String) -> Date? {
        parse(string) ?? parse(string + "Z") ?? parse(string + "T00:00:00Z")
    }

    /// The query parameter `name` read as `parse(timeOrDate:)` does; 400 `validation_failed` when it is neither.
    public static func queryBound(_ raw: String, _ name: String) throws(DomainError) -> Date {
        guard let date = parse(timeOrDate: raw) else { throw DomainError.validation(name, "\(name) must be an ISO-8601 timestamp or date") }
        return date
    }

    /// Year, month and day of a day count since 1970-01-01 in the proleptic Gregorian calendar (the "civil from
    /// days" algorithm: eras of 400 years, years starting in March so the leap day comes last).
    public static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func append(_ value: Int64, width: Int, to text: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        text.append(contentsOf: digits)
    }
}
