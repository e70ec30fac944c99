public import Kernel

/// Counts a tenant's use of one plan-limited resource. The context that owns the resource implements it; Billing
/// reads it for the limits snapshot without knowing the resource.
public protocol UsageMeter: Sendable {
    func current(for tenant: TenantID) throws -> Int64
}

/// The resources a plan limits, as the billing-state snapshot names them.
public enum LimitedResource: String, Sendable, CaseIterable {
    case affiliates, campaigns, partnerPayoutsThisMonthCents, teamSeats
}
