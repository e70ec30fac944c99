public import Contracts
public import Foundation
public import Kernel

/// An affiliate program (a "campaign") of a brand.
public struct Program: Sendable, Codable {
    public let id: ProgramID
    public var name: String
    public var slug: String
    public var description: String?
    public var termsUrl: String?
    public var isActive: Bool
    public var defaultCommissionType: CommissionType
    /// The commission in hundredths: percent × 100 for `Percentage`, minor units for `Fixed`. Exact, never floating.
    public var defaultCommissionHundredths: Int64
    public var defaultCommissionModel: CommissionModel
    public var cookieWindowDays: Int
    /// `nil` is lifetime (every renewal), 0 one-time, N the first N renewals.
    public var recurringMonths: Int?
    public var recurringDelayInvoices: Int
    public var attributionModel: AttributionModel
    public var autoApprove: Bool
    public var customDomain: String?
    public var customDomainVerified: Bool
    public var networkVisibility: NetworkVisibility
    public var isPubliclyDiscoverable: Bool
    /// The brand's site; tracking requests must come from it or a subdomain.
    public var websiteDomain: String?
    /// The most affiliates the roster takes (an extension); `nil` is no cap. Full rosters refuse applications.
    public var maxAffiliates: Int?
    public var subAffiliate: SubAffiliateConfig
    public let createdAt: Date
    public var updatedAt: Date
    public var archivedAt: Date?

    /// The spec's ProgramResponse, plus the `websiteDomain` extension.
    public var json: JSONValue {
        .object([
            ("id", .string(id.description)),
            ("name", .string(name)),
            ("slug", .string(slug)),
            ("description", .string(description)),
            ("termsUrl", .string(termsUrl)),
            ("isActive", .bool(isActive)),
            ("defaultCommissionType", .string(defaultCommissionType.rawValue)),
            ("defaultCommissionValue", .double(Double(defaultCommissionHundredths) / 100)),
            ("defaultCommissionModel", .string(defaultCommissionModel.rawValue)),
            ("cookieWindowDays", .int(cookieWindowDays)),
            ("recurringMonths", .int(recurringMonths)),
            ("recurringDelayInvoices", .int(recurringDelayInvoices)),
            ("attributionModel", .string(attributionModel.rawValue)),
            ("autoApprove", .bool(autoApprove)),
            ("customDomain", .string(customDomain)),
            ("customDomainVerified", .bool(customDomainVerified)),
            ("networkVisibility", .string(networkVisibility.rawValue)),
            ("isPubliclyDiscoverable", .bool(isPubliclyDiscoverable)),
            ("websiteDomain", .string(websiteDomain)),
            ("maxAffiliates", .int(maxAffiliates)),
            ("createdAt", .timestamp(createdAt)),
            ("updatedAt", .timestamp(updatedAt)),
            ("archivedAt", .timestamp(archivedAt)),
        ])
    }
}

/// The 1-tier sub-affiliate override of a program: a recruiter earns `percent` of their recruits' commission.
public struct SubAffiliateConfig: Sendable, Codable, Equatable {
    public var enabled: Bool
    /// Percent × 100.
    public var percentHundredths: Int64

    public init(enabled: Bool, percentHundredths: Int64) {
        self.enabled = enabled
        self.percentHundredths = percentHundredths
    }

    public static let off = SubAffiliateConfig(enabled: false, percentHundredths: 0)

    public var json: JSONValue {
        .object([("enabled", .bool(enabled)), ("percent", .double(Double(percentHundredths) / 100))])
    }
}
