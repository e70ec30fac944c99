import Contracts
import Hummingbird
import Insights
import Kernel

/// The context of an affiliate's own routes (`/api/me`): the tenant and affiliate their access token stands for.
struct AffiliateAccessContext: ChildRequestContext, AffiliateRequestContext {
    var coreContext: CoreRequestContextStorage
    let tenant: TenantID
    let affiliateID: AffiliateID

    init(context: AppRequestContext) throws {
        guard let affiliate = context.affiliate else {
            throw DomainError(.unauthorized, "unauthorized", "Missing or invalid affiliate access token")
        }
        coreContext = context.coreContext
        (tenant, affiliateID) = affiliate
    }
}
