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

    public init(
        tenant: TenantID, affiliateID: AffiliateID, programID: ProgramID, linkID: AffiliateLinkID, status: AffiliateStatus,
        commissionOverride: CommissionRule?
    ) {
        self.tenant = tenant
        self.affiliateID = affiliateID
        self.programID = programID
        self.linkID = linkID
        self.status = status
        self.commissionOverride = commissionOverride
    }
}

/// Resolves referral codes from an index (never a scan); implemented by Affiliates, used by Tracking.
public protocol AffiliateDirectory: Sendable {
    func referral(code: String) throws -> ReferralTarget?
}
