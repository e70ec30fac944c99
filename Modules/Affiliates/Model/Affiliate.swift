public import Contracts
public import Foundation
public import Kernel

/// A person a brand pays, on one program's roster.
public struct Affiliate: Sendable, Codable {
    public let id: AffiliateID
    public let programID: ProgramID
    public let email: String
    public var fullName: String?
    public var status: AffiliateStatus
    public var customCommissionType: CommissionType?
    /// Hundredths: percent × 100, or minor units for `Fixed`.
    public var customCommissionHundredths: Int64?
    public var tags: [String]
    public var notes: String?
    public let source: AffiliateSource
    public var appliedAt: Date?
    public var approvedAt: Date?
    public var rejectionReason: String?
    /// What the applicant wrote on the storefront form; not returned to API-key callers.
    public var application: ApplicationAnswers?
    /// The Approved affiliate of the same tenant who recruited this one (1-tier sub-affiliate override).
    public var recruitedBy: AffiliateID?
    public var links: [AffiliateLink]
    public let createdAt: Date
    public var updatedAt: Date
    /// Set by the bulk `delete` action: the affiliate is gone from the API, its codes stay reserved so old links are
    /// never handed to someone else.
    public var deletedAt: Date?

    /// The spec's AffiliateResponse. Payout details, tax and KYC status and the application form are left out.
    public var json: JSONValue {
        .object([
            ("id", .string(id.description)),
            ("programId", .string(programID.description)),
            ("email", .string(email)),
            ("fullName", .string(fullName)),
            ("status", .string(status.rawValue)),
            ("customCommissionType", .string(customCommissionType?.rawValue)),
            ("customCommissionValue", customCommissionHundredths.map { .double(Double($0) / 100) } ?? .null),
            ("tags", .array(tags.map(JSONValue.string))),
            ("notes", .string(notes)),
            ("source", .string(source.rawValue)),
            ("appliedAt", .timestamp(appliedAt)),
            ("approvedAt", .timestamp(approvedAt)),
            ("createdAt", .timestamp(createdAt)),
            ("links", .array(links.map { $0.json(affiliateID: id) })),
        ])
    }
}
