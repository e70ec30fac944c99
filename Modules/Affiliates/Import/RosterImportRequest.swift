import Contracts
public import Kernel
import RichText

/// A validated `POST /api/v1/affiliates/import` body. Rows are read one by one during the import: a bad row is
/// tallied, never a reason to refuse the batch.
public struct RosterImportRequest: Sendable {
    public static let rowCap = 1_000
    /// The largest body the import accepts (about 4 MB).
    public static let bodyLimit = 4 << 20

    let programID: ProgramID
    let rows: [JSONValue]
    let includeStatuses: Set<AffiliateStatus>?
    let notifyAffiliates: Bool
    /// Sanitized; merge tags render per affiliate when sent.
    let notificationMessageHtml: String?

    public init(_ body: FieldReader) throws(DomainError) {
        let program = try FieldReader.required(try body.string("programId", maxLength: 64), "programId")
        guard let programID = ProgramID(program) else { throw DomainError.validation("programId", "programId must be a program id") }
        self.programID = programID
        guard case .value(.array(let rows)) = body.raw("affiliates") else {
            throw DomainError.validation("affiliates", "affiliates must be an array of rows")
        }
        guard rows.count <= Self.rowCap else {
            throw DomainError(.badRequest, "row_cap_exceeded", "At most \(Self.rowCap) rows per request; page larger imports", field: "affiliates")
        }
        self.rows = rows
        includeStatuses = try body.strings("includeStatuses", maxCount: 5, maxLength: 20).value.map { (names) throws(DomainError) in
            Set(try names.map { (name) throws(DomainError) -> AffiliateStatus in
                guard let status = RosterRow.status(named: name) else {
                    throw DomainError.validation("includeStatuses", "includeStatuses entries must be approved | pending | rejected | paused | banned")
                }
                return status
            })
        }
        notifyAffiliates = try body.bool("notifyAffiliates").value ?? false
        notificationMessageHtml = try body.string("notificationMessageHtml", maxLength: 20_000, allowEmpty: true).value.map(HTMLSanitizer.sanitize)
    }
}
