import Contracts
import Kernel

/// One row of a roster import, read leniently: the status defaults to approved (the affiliate was live on the
/// prior platform) and an unknown status falls back to pending; a slug is kept only when it is a valid code.
enum RosterRow {
    case affiliate(email: String, fullName: String?, status: AffiliateStatus, slug: String?)
    case unusable(reason: String)

    init(_ row: JSONValue) {
        guard let email = row["email"]?.stringValue?.trimmingWhitespace(), !email.isEmpty else {
            self = .unusable(reason: "missing_email")
            return
        }
        guard let normalized = try? EmailAddress.normalized(email, field: "email") else {
            self = .unusable(reason: "invalid_email")
            return
        }
        let status: AffiliateStatus =
            switch row["status"] {
            case nil, .null?: .approved
            case .string(let name)?: Self.status(named: name) ?? .pending
            default: .pending
            }
        let fullName = row["fullName"]?.stringValue?.trimmingWhitespace()
        let slug = row["slug"]?.stringValue.flatMap { try? ReferralCode.validated($0.lowercased(), field: "slug") }
        self = .affiliate(
            email: normalized, fullName: fullName.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }, status: status, slug: slug)
    }

    static func status(named name: String) -> AffiliateStatus? {
        AffiliateStatus.allCases.first { $0.rawValue.lowercased() == name.lowercased() }
    }
}
