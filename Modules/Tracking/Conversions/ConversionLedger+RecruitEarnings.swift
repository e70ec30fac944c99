public import Contracts
public import Kernel

extension ConversionLedger: RecruitEarnings {
    /// The recruits' own rows, then the recruiter's overrides on them: each read from its affiliate's index.
    public func earnings(
        _ tenant: TenantID, recruiter: AffiliateID, recruits: [AffiliateID], currency: Currency
    ) throws -> [AffiliateID: RecruitEarning] {
        var totals: [AffiliateID: RecruitEarning] = [:]
        var sellerOfSale: [ConversionID: AffiliateID] = [:]
        let earning = { (row: Conversion) in row.status != .denied && row.status != .refunded && row.commission.currency == currency }
        for recruit in recruits {
            for row in try conversions(of: recruit, tenant: tenant) where row.parentConversionID == nil && earning(row) {
                totals[recruit, default: RecruitEarning()].commissionCents += row.commission.minorUnits
                sellerOfSale[row.id] = recruit
            }
        }
        let overrides = try conversions(of: recruiter, tenant: tenant).filter { $0.parentConversionID != nil && earning($0) }
        for share in overrides {
            guard let parent = share.parentConversionID, let seller = sellerOfSale[parent] else { continue }
            totals[seller, default: RecruitEarning()].overrideCents += share.commission.minorUnits
        }
        return totals
    }
}
