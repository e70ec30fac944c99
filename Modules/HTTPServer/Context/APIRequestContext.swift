import Billing
import HTTPSupport
import Hummingbird
import Kernel

/// The context of authenticated API routes: the tenant, its organization and the key that called.
struct APIRequestContext: ChildRequestContext, OrganizationRequestContext {
    var coreContext: CoreRequestContextStorage
    let credential: Credential

    init(context: AppRequestContext) throws {
        guard let credential = context.credential else {
            throw DomainError(.unauthorized, "unauthorized", "Missing or invalid API key")
        }
        coreContext = context.coreContext
        self.credential = credential
    }

    var tenant: TenantID { credential.tenant }
    var organization: Organization { credential.organization }

    func requirePlan(_ tier: PlanTier) throws {
        try PlanGate.check(credential.organization, requires: tier)
    }

    func requirePaidPlan(_ tier: PlanTier) throws {
        try PlanGate.checkPaid(credential.organization, requires: tier)
    }
}
