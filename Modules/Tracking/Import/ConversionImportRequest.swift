import Contracts
public import Kernel

/// A validated body of `POST /api/v1/conversions/import` and its preview: every row checked before anything is
/// read or written, failures reported together as 400 `invalid_rows` with `{ index, error }` per row.
public struct ConversionImportRequest: Sendable {
    public static let rowCap = 1_000
    /// The largest body an import accepts (about 4 MB).
    public static let bodyLimit = 4 << 20

    let programID: ProgramID
    let rows: [ConversionImportRow]
    let confirmUnpaidPayout: Bool
    let excludePaid: Bool

    public init(_ body: FieldReader) throws(DomainError) {
        let program = try FieldReader.required(try body.string("programId", maxLength: 64), "programId")
        guard let programID = ProgramID(program) else { throw DomainError(.notFound, "program_not_found", "Program not found", field: "programId") }
        self.programID = programID
        guard case .value(.array(let values)) = body.raw("conversions") else {
            throw DomainError.validation("conversions", "conversions must be an array of rows")
        }
        guard values.count <= Self.rowCap else {
            throw DomainError(.badRequest, "row_cap_exceeded", "At most \(Self.rowCap) rows per request; page larger imports", field: "conversions")
        }
        var rows: [ConversionImportRow] = []
        var invalid: [JSONValue] = []
        for (index, value) in values.enumerated() {
            switch ConversionImportRow.validate(value) {
            case .success(let row): rows.append(row)
            case .failure(let error): invalid.append(.object([("index", .int(Int64(index))), ("error", .string(error.code))]))
            }
        }
        guard invalid.isEmpty else {
            throw DomainError(
                .badRequest, "invalid_rows", "\(invalid.count) of \(values.count) rows are invalid; nothing was imported", field: "conversions",
                extra: [("rows", .array(invalid))])
        }
        self.rows = rows
        confirmUnpaidPayout = try body.bool("confirmUnpaidPayout").value ?? false
        excludePaid = try body.bool("excludePaid").value ?? false
    }
}
