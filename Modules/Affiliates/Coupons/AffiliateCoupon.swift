public import Contracts
public import Foundation
public import Kernel

/// A discount code of the brand's billing provider (a Stripe coupon id or promotion code) that credits its sales to
/// one affiliate. Codes are matched case-insensitively, so `SARAH20` and `sarah20` are one code.
public struct AffiliateCoupon: Sendable, Codable, Equatable {
    public let code: String
    public let affiliateID: AffiliateID
    public let createdAt: Date

    public var json: JSONValue {
        .object([("code", .string(code)), ("affiliateId", .string(affiliateID.description)), ("createdAt", .timestamp(createdAt))])
    }

    /// The form a code is indexed and matched under.
    static func normalized(_ code: String) -> String { code.uppercased() }

    /// A code as brands type it into Stripe: 1–64 letters, digits, `-`, `_` or `.`.
    static func validated(_ raw: String) throws(DomainError) -> String {
        let code = raw.trimmingCharacters(in: .whitespaces)
        let allowed = code.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
        guard (1...64).contains(code.count), allowed else {
            throw DomainError.validation("code", "code must be 1 to 64 letters, digits, '-', '_' or '.'")
        }
        return code
    }
}
