import Contracts
import Kernel

/// The tenant and affiliate directories Insights asks, answering from a fixed roster: one tenant with a USD home
/// currency, affiliates each in one program.
struct Roster: TenantDirectory, AffiliateDirectory {
    let tenant: TenantID
    let affiliates: [AffiliateID: ProgramID]

    func tenant(handle: String) throws -> TenantSummary? { nil }

    func tenant(_ tenant: TenantID) throws -> TenantSummary? {
        tenant == self.tenant ? TenantSummary(tenant: tenant, handle: "acme", name: "Acme", homeCurrency: .usd) : nil
    }

    func referral(code: String) throws -> ReferralTarget? { nil }
    func referral(code: String, in store: borrowing some StoreReader & ~Copyable) throws -> ReferralTarget? { nil }

    func affiliateSummary(_ tenant: TenantID, _ id: AffiliateID) throws -> AffiliateSummary? {
        guard tenant == self.tenant, let program = affiliates[id] else { return nil }
        return AffiliateSummary(
            tenant: tenant, id: id, programID: program, email: "\(id)@example.com", status: .approved, commissionOverride: nil, recruitedBy: nil)
    }

    func program(ofAffiliate id: AffiliateID, _ tenant: TenantID) throws -> ProgramID? { tenant == self.tenant ? affiliates[id] : nil }

    func affiliateSummary(_ tenant: TenantID, coupon code: String) throws -> AffiliateSummary? { nil }
    func affiliateSummary(_ tenant: TenantID, program: ProgramID, email: String) throws -> AffiliateSummary? { nil }
}
