public import Contracts
public import Kernel

extension AffiliateService: AffiliateDirectory {
    /// One index read and one record read, whatever the roster size.
    public func referral(code: String) throws -> ReferralTarget? {
        try database.read { store in
            guard let bytes = try store.get(.indexes, AffiliateKeys.codes.key(code.lowercased())),
                let (tenant, affiliateID, linkID) = AffiliateKeys.decodeCode(bytes),
                let affiliate = try affiliate(tenant, affiliateID, in: store)
            else { return nil }
            let override = affiliate.customCommissionType.flatMap { type in
                affiliate.customCommissionHundredths.map { CommissionRule(type: type, hundredths: $0) }
            }
            return ReferralTarget(
                tenant: tenant, affiliateID: affiliateID, programID: affiliate.programID, linkID: linkID, status: affiliate.status,
                commissionOverride: override)
        }
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
