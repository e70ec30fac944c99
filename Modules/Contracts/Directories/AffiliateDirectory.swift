public import Kernel

/// Where a referral code (a link slug or custom alias) leads.
public struct ReferralTarget: Sendable, Equatable {
    public let tenant: TenantID
    public let affiliateID: AffiliateID
    public let programID: ProgramID
    public let linkID: AffiliateLinkID
    public let status: AffiliateStatus
    /// The affiliate's own commission, replacing the program's default.
    public let commissionOverride: CommissionRule?
    /// The affiliate who recruited this one (the 1-tier sub-affiliate override).
    public let recruitedBy: AffiliateID?

    public init(
        tenant: TenantID, affiliateID: AffiliateID, programID: ProgramID, linkID: AffiliateLinkID, status: AffiliateStatus,
        commissionOverride: CommissionRule?, recruitedBy: AffiliateID? = nil
    ) {
        self.tenant = tenant
        self.affiliateID = affiliateID
        self.programID = programID
        self.linkID = linkID
        self.status = status
        self.commissionOverride = commissionOverride
        self.recruitedBy = recruitedBy
    }
}

/// An affiliate as the conversions ledger sees it: who earns, at what rate, and who recruited them.
public struct AffiliateSummary: Sendable, Equatable {
    public let tenant: TenantID
    public let id: AffiliateID
    public let programID: ProgramID
    public let email: String
    public let fullName: String?
    public let status: AffiliateStatus
    /// The affiliate's own commission, replacing the program's default.
    public let commissionOverride: CommissionRule?
    /// The affiliate who recruited this one (the 1-tier sub-affiliate override).
    public let recruitedBy: AffiliateID?
    /// The code visitors see of each of the affiliate's links: its custom alias, or else its slug.
    public let linkSlugs: [AffiliateLinkID: String]

    public init(
        tenant: TenantID, id: AffiliateID, programID: ProgramID, email: String, fullName: String? = nil, status: AffiliateStatus,
        commissionOverride: CommissionRule?, recruitedBy: AffiliateID?, linkSlugs: [AffiliateLinkID: String] = [:]
    ) {
        self.tenant = tenant
        self.id = id
        self.programID = programID
        self.email = email
        self.fullName = fullName
        self.status = status
        self.commissionOverride = commissionOverride
        self.recruitedBy = recruitedBy
        self.linkSlugs = linkSlugs
    }
}

/// Resolves referral codes, coupon codes and ids from indexes (never a scan); implemented by Affiliates, used by
/// Tracking. Deleted affiliates are not found.
public protocol AffiliateDirectory: Sendable {
    func referral(code: String) throws -> ReferralTarget?
    /// The same, inside a read the caller holds, so a request's lookups share one transaction.
    func referral(code: String, in store: borrowing some StoreReader & ~Copyable) throws -> ReferralTarget?
    func affiliateSummary(_ tenant: TenantID, _ id: AffiliateID) throws -> AffiliateSummary?
    /// The affiliate a tenant's coupon or promotion code belongs to (case-insensitive).
    func affiliateSummary(_ tenant: TenantID, coupon code: String) throws -> AffiliateSummary?
    /// The affiliate with this email on a program's roster.
    func affiliateSummary(_ tenant: TenantID, program: ProgramID, email: String) throws -> AffiliateSummary?
    /// The program of an affiliate of the tenant, deleted ones too: what they did stays theirs in the numbers.
    func program(ofAffiliate id: AffiliateID, _ tenant: TenantID) throws -> ProgramID?
}
