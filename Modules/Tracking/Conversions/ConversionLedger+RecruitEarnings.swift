public import Contracts
public import Kernel

extension ConversionLedger: RecruitEarnings {
    /// One pass over the tenant's conversions: the recruits' own rows, then the recruiter's overrides on them.
    public func earnings(
        _ tenant: TenantID, recruiter: AffiliateID, recruits: [AffiliateID], currency: Currency
    ) throws -> [AffiliateID: RecruitEarning] {
        let wanted = Set(recruits)
        var totals: [AffiliateID: RecruitEarning] = [:]
        var sellerOfSale: [ConversionID: AffiliateID] = [:]
        var overrides: [Conversion] = []
        try database.read { store in
            try store.scan(.records, prefix: ConversionKeys.conversions(tenant).prefix) { _, value in
                let row = try decoded.decode(value)
                guard row.status != .denied, row.status != .refunded, row.commission.currency == currency else { return true }
                if wanted.contains(row.affiliateID), row.parentConversionID == nil {
                    totals[row.affiliateID, default: RecruitEarning()].commissionCents += row.commission.minorUnits
                    sellerOfSale[row.id] = row.affiliateID
                } else if row.affiliateID == recruiter, row.parentConversionID != nil {
                    overrides.append(row)
                }
                return true
            }
        }
        for share in overrides {
            guard let parent = share.parentConversionID, let seller = sellerOfSale[parent] else { continue }
            totals[seller, default: RecruitEarning()].overrideCents += share.commission.minorUnits
        }
        return totals
    }
}
