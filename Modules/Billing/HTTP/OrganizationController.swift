public import Hummingbird
import HTTPSupport
import Kernel

/// The tenant's own organization, billing state and settings.
///
/// | method | path                              | scope      | plan          |
/// |--------|-----------------------------------|------------|---------------|
/// | GET    | /api/organizations/me             | read       | any           |
/// | GET    | /api/billing/state                | read       | any           |
/// | GET    | /api/v1/settings/home-currency    | read       | any           |
/// | PUT    | /api/v1/settings/home-currency    | read_write | Pro (trial ok)|
public struct OrganizationController<Context: OrganizationRequestContext>: Sendable {
    let billingState: BillingStateService
    let homeCurrency: HomeCurrencyService

    public init(billingState: BillingStateService, homeCurrency: HomeCurrencyService) {
        self.billingState = billingState
        self.homeCurrency = homeCurrency
    }

    /// Mounts the routes on a group rooted at `/api`.
    public func addRoutes(to api: RouterGroup<Context>) {
        api.get("organizations/me") { _, context in context.organization.profileJSON }
        api.get("billing/state") { _, context in try billingState.state(of: context.organization) }
        api.get("v1/settings/home-currency") { _, context in homeCurrency.current(context.organization) }
        api.put("v1/settings/home-currency") { request, context in
            let body = try await request.fields()
            return try await homeCurrency.change(context.organization, body: body)
        }
    }
}
