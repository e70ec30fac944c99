public import Hummingbird
public import Kernel

/// The request context of routes that act for one tenant. Authentication resolves the tenant before a handler
/// runs, so handlers get a non-optional `tenant` and every key they build is scoped to it.
public protocol TenantRequestContext: RequestContext {
    var tenant: TenantID { get }
    /// Throws 402 `plan_tier_required` unless the tenant's plan covers `tier`.
    func requirePlan(_ tier: PlanTier) throws
    /// Throws 402 `paid_plan_required` unless the tenant pays (an Active subscription, not a trial) for `tier` or more.
    func requirePaidPlan(_ tier: PlanTier) throws
}
