public import Foundation

/// ISO-8601 UTC timestamps with a `Z`, as every API field renders them.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Parses `2026-05-01T12:00:00Z`, with or without fractional seconds or an offset.
    public static func parse(_ string: String) -> Date? {
        if let date = try? Date(string, strategy: .iso8601) { return date }
        return try? Date(string, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
