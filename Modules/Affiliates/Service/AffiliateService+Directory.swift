public import Contracts
public import Kernel

extension AffiliateService: AffiliateDirectory {
    /// One index read and one record read, whatever the roster size.
    public func referral(code: String) throws -> ReferralTarget? {
        try database.read { store in try referral(code: code, in: store) }
    }

    public func referral(code: String, in store: borrowing some StoreReader & ~Copyable) throws -> ReferralTarget? {
        let code = code.lowercased()
        return try referrals.value(code, in: store.snapshot) {
            guard let bytes = try store.get(.indexes, AffiliateKeys.codes.key(code)),
                let (tenant, affiliateID, linkID) = AffiliateKeys.decodeCode(bytes),
                let affiliate = try affiliate(tenant, affiliateID, in: store)
            else { return nil }
            return ReferralTarget(
                tenant: tenant, affiliateID: affiliateID, programID: affiliate.programID, linkID: linkID, status: affiliate.status,
                commissionOverride: affiliate.commissionOverride, recruitedBy: affiliate.recruitedBy)
        }
    }

    public func affiliateSummary(_ tenant: TenantID, _ id: AffiliateID) throws -> AffiliateSummary? {
        try affiliate(tenant, id)?.summary(tenant)
    }

    public func program(ofAffiliate id: AffiliateID, _ tenant: TenantID) throws -> ProgramID? {
        try database.read { store in try stored(tenant, id, in: store)?.programID }
    }

    public func affiliateSummary(_ tenant: TenantID, coupon code: String) throws -> AffiliateSummary? {
        try summary(tenant, indexedAt: AffiliateKeys.coupons(tenant).key(AffiliateCoupon.normalized(code)))
    }

    public func affiliateSummary(_ tenant: TenantID, program: ProgramID, email: String) throws -> AffiliateSummary? {
        try summary(tenant, indexedAt: AffiliateKeys.email(tenant, program, email.lowercased()))
    }

    /// The affiliate whose id an index entry holds.
    private func summary(_ tenant: TenantID, indexedAt key: StoreKey) throws -> AffiliateSummary? {
        try database.read { store in
            guard let bytes = try store.get(.indexes, key), let id = AffiliateID(bytes: bytes) else { return nil }
            return try affiliate(tenant, id, in: store)?.summary(tenant)
        }
    }
}

extension Affiliate {
    /// The affiliate's own commission, when one is set.
    var commissionOverride: CommissionRule? {
        customCommissionType.flatMap { type in customCommissionHundredths.map { CommissionRule(type: type, hundredths: $0) } }
    }

    func summary(_ tenant: TenantID) -> AffiliateSummary {
        AffiliateSummary(
            tenant: tenant, id: id, programID: programID, email: email, fullName: fullName, status: status,
            commissionOverride: commissionOverride, recruitedBy: recruitedBy,
            linkSlugs: Dictionary(links.map { ($0.id, $0.customAlias ?? $0.slug) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// Affiliates on a tenant's rosters (deleted ones excluded), counted from the email index.
public struct AffiliateUsageMeter: UsageMeter {
    let database: Database

    public init(database: Database) { self.database = database }

    public func current(for tenant: TenantID) throws -> Int64 {
        Int64(try database.read { store in try store.count(.indexes, prefix: AffiliateKeys.emails(tenant).prefix) })
    }
}
