public import Kernel

/// What a recruit's sales earned, and what their recruiter earned on them through the sub-affiliate override.
public struct RecruitEarning: Sendable, Equatable {
    public var commissionCents: Int64
    public var overrideCents: Int64

    public init(commissionCents: Int64 = 0, overrideCents: Int64 = 0) {
        self.commissionCents = commissionCents
        self.overrideCents = overrideCents
    }
}

/// Sums the conversions ledger for the sub-affiliate views; implemented by Tracking, used by Affiliates.
public protocol RecruitEarnings: Sendable {
    /// Per recruit of `recruiter`, over conversions that still earn (not Denied or Refunded) whose commission is in
    /// `currency`.
    func earnings(_ tenant: TenantID, recruiter: AffiliateID, recruits: [AffiliateID], currency: Currency) throws -> [AffiliateID: RecruitEarning]
}
