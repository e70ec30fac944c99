public import Contracts
public import Foundation
public import Kernel

public enum InviteTag {}
public typealias InviteID = TypedID<InviteTag>

public enum InviteState: String, Sendable, Codable, CaseIterable {
    case pending = "Pending", accepted = "Accepted", expired = "Expired", revoked = "Revoked"
}

/// A brand's invitation to join a program. Only a hash of its one-time token is stored.
public struct Invite: Sendable, Codable {
    public static let lifetime: TimeInterval = 14 * 86_400

    public let id: InviteID
    public let programID: ProgramID
    public let email: String
    public let fullName: String?
    /// A slug to keep from a prior platform, when it was free at invite time.
    public let slug: String?
    /// Sanitized HTML with merge tags still in it.
    public let personalNoteHtml: String?
    public let customCommissionType: CommissionType?
    public let customCommissionHundredths: Int64?
    public let autoApprove: Bool
    var tokenHash: [UInt8]
    public var expiresAt: Date
    public let createdAt: Date
    public var acceptedAt: Date?
    public var affiliateID: AffiliateID?
    public var revokedAt: Date?

    /// The state as of `now`: a pending invite past its expiry is Expired.
    public func state(at now: Date) -> InviteState {
        if revokedAt != nil { return .revoked }
        if acceptedAt != nil { return .accepted }
        return now >= expiresAt ? .expired : .pending
    }

    func json(programName: String, now: Date) -> JSONValue {
        .object([
            ("id", .string(id.description)),
            ("programId", .string(programID.description)),
            ("programName", .string(programName)),
            ("email", .string(email)),
            ("fullName", .string(fullName)),
            ("state", .string(state(at: now).rawValue)),
            ("slug", .string(slug)),
            ("personalNoteHtml", .string(personalNoteHtml)),
            ("customCommissionType", .string(customCommissionType?.rawValue)),
            ("customCommissionValue", customCommissionHundredths.map { .double(Double($0) / 100) } ?? .null),
            ("autoApprove", .bool(autoApprove)),
            ("expiresAt", .timestamp(expiresAt)),
            ("createdAt", .timestamp(createdAt)),
            ("acceptedAt", .timestamp(acceptedAt)),
            ("affiliateId", .string(affiliateID?.description)),
        ])
    }
}
