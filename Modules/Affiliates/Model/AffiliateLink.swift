public import Contracts
public import Foundation
public import Kernel

/// One of an affiliate's tracking links. Its slug (and custom alias, when set) are referral codes, unique across
/// every tenant because they appear in public URLs.
public struct AffiliateLink: Sendable, Codable, Equatable {
    public let id: AffiliateLinkID
    public let slug: String
    public let customAlias: String?
    public var isDefault: Bool
    public let format: LinkFormat
    public let createdAt: Date

    func json(affiliateID: AffiliateID) -> JSONValue {
        .object([
            ("id", .string(id.description)),
            ("affiliateId", .string(affiliateID.description)),
            ("slug", .string(slug)),
            ("customAlias", .string(customAlias)),
            ("isDefault", .bool(isDefault)),
            ("format", .string(format.rawValue)),
            ("createdAt", .timestamp(createdAt)),
        ])
    }

    /// The codes that lead to this link.
    var codes: [String] { [slug] + (customAlias.map { [$0] } ?? []) }
}
