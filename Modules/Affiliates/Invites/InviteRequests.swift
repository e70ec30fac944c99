import Contracts
public import Kernel
import RichText

/// One invitee of a `POST /api/affiliate-invites` or `/bulk` request.
struct Invitee: Sendable {
    let email: String
    let fullName: String?
    let slug: String?
}

/// What an invite request asks for, besides its invitees: validated, with the note already sanitized.
public struct InviteTerms: Sendable {
    let programID: ProgramID
    let personalNoteHtml: String?
    let customCommission: (CommissionType?, Int64?)
    let autoApprove: Bool

    init(_ body: FieldReader) throws(DomainError) {
        let program = try FieldReader.required(try body.string("programId", maxLength: 64), "programId")
        guard let programID = ProgramID(program) else { throw DomainError.validation("programId", "programId must be a program id") }
        self.programID = programID
        personalNoteHtml = try body.string("personalNoteHtml", maxLength: 20_000, allowEmpty: true).value.map(HTMLSanitizer.sanitize)
        let commission = try CustomCommission.read(body)
        customCommission = try CustomCommission.resolve(type: commission.type, hundredths: commission.hundredths, current: (nil, nil))
        autoApprove = try body.bool("autoApprove").value ?? false
    }
}

/// A validated single invite: an unusable slug is an error here (409 `slug_already_taken` is checked on write).
public struct NewInvite: Sendable {
    let terms: InviteTerms
    let invitee: Invitee

    public init(_ body: FieldReader) throws(DomainError) {
        terms = try InviteTerms(body)
        let email = try EmailAddress.normalized(try FieldReader.required(try body.string("email", maxLength: 254), "email"), field: "email")
        let slug = try body.string("slug", maxLength: 64).value.map { (v) throws(DomainError) in try ReferralCode.validated(v, field: "slug") }
        invitee = Invitee(email: email, fullName: try body.string("fullName", maxLength: 200).value, slug: slug)
    }
}

/// A validated bulk invite: `recipients` (preferred, with per-row slugs) or the legacy `emails`, at most 50.
/// Invalid slugs do not fail the batch; they are reported as slug conflicts and the row falls back to a fresh slug.
public struct BulkInvite: Sendable {
    public static let maxRecipients = 50

    let terms: InviteTerms
    /// Each row with the slug it asked for, before slug checks.
    let rows: [(invitee: Invitee, requestedSlug: String?)]

    public init(_ body: FieldReader) throws(DomainError) {
        terms = try InviteTerms(body)
        var rows: [(Invitee, String?)] = []
        // Errors about the batch name the field the caller sent.
        var field = "recipients"
        if case .value(.array(let recipients)) = body.raw("recipients") {
            for (index, recipient) in recipients.enumerated() {
                let emailField = "recipients[\(index)].email"
                guard let email = recipient["email"]?.stringValue else { throw DomainError.validation(emailField, "\(emailField) is required") }
                let requested = recipient["slug"]?.stringValue
                rows.append(
                    (Invitee(email: try EmailAddress.normalized(email, field: emailField), fullName: recipient["fullName"]?.stringValue, slug: nil), requested))
            }
        } else if let emails = try body.strings("emails", maxCount: Self.maxRecipients, maxLength: 254).value {
            field = "emails"
            for email in emails { rows.append((Invitee(email: try EmailAddress.normalized(email, field: "emails"), fullName: nil, slug: nil), nil)) }
        } else {
            throw DomainError.validation("recipients", "recipients (or emails) is required")
        }
        guard !rows.isEmpty, rows.count <= Self.maxRecipients else {
            throw DomainError.validation(field, "send 1 to \(Self.maxRecipients) recipients per call")
        }
        self.rows = rows
    }
}
