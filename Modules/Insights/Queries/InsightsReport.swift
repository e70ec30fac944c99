public import Kernel

/// What a metrics query answers: the JSON body, and the same rows as CSV for `format=csv`.
public struct InsightsReport: Sendable {
    public let json: JSONValue
    public let csv: CSVTable

    init(json: JSONValue, csv: CSVTable) {
        self.json = json
        self.csv = csv
    }

    /// A report whose CSV is its list of rows, each an object with the header's members in order.
    init(json: JSONValue, rows: [[(String, JSONValue)]], header: [String]) {
        var table = CSVTable(header: header)
        for row in rows { table.append(row.map { Self.cell($0.1) }) }
        self.init(json: json, csv: table)
    }

    static func cell(_ value: JSONValue) -> CSVTable.Cell {
        switch value {
        case .int(let number): .number(number)
        case .double(let number): .decimal(number)
        case .string(let text): .text(text)
        case .bool(let flag): .text(flag ? "true" : "false")
        case .null, .array, .object: .text(nil)
        }
    }
}
