import Foundation

/// A CSV document (RFC 4180: comma-separated, CRLF line ends, quotes doubled inside quoted cells) that spreadsheets
/// open safely: a text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is prefixed with `'`, so it shows as the text it is.
public struct CSVTable: Sendable {
    public enum Cell: Sendable {
        case text(String?)
        case number(Int64)
        /// A rate or percentage, e.g. `0.7069`.
        case decimal(Double)
    }

    private var text: String

    public init(header: [String]) {
        text = ""
        append(header.map { .text($0) })
    }

    public mutating func append(_ row: [Cell]) {
        text += row.map(Self.render).joined(separator: ",")
        text += "\r\n"
    }

    public var document: String { text }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .number(let value): return String(value)
        case .decimal(let value): return value.description
        case .text(nil): return ""
        case .text(let value?):
            let defused = value.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true ? "'" + value : value
            guard defused.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return defused }
            return "\"" + defused.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
