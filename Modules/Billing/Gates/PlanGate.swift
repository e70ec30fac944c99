public import Kernel

/// Plan requirements of the spec: a resource family needs a minimum tier. A trialing tenant passes every gate (the
/// trial covers any tier); a tenant with no subscription, or a canceled one, passes none.
public enum PlanGate {
    public static func allows(_ org: Organization, _ required: PlanTier) -> Bool {
        switch org.subscriptionStatus {
        case .trialing: true
        case .none, .canceled: false
        case .active, .pastDue: org.planTier >= required
        }
    }

    /// 402 `plan_tier_required` with `required`, `current` and `trialing` when the tenant may not use the family.
    public static func check(_ org: Organization, requires required: PlanTier) throws(DomainError) {
        guard !allows(org, required) else { return }
        throw refusal("plan_tier_required", org, required)
    }

    /// 402 `paid_plan_required` unless the subscription is Active (a trial does not count) on `required` or more:
    /// for paths open to abuse, such as bulk email.
    public static func checkPaid(_ org: Organization, requires required: PlanTier) throws(DomainError) {
        guard org.subscriptionStatus != .active || org.planTier < required else { return }
        throw refusal("paid_plan_required", org, required)
    }

    private static func refusal(_ code: String, _ org: Organization, _ required: PlanTier) -> DomainError {
        DomainError(
            .paymentRequired, code,
            "This endpoint requires the \(required.rawValue) plan or higher (current: \(org.planTier.rawValue), subscription: \(org.subscriptionStatus.rawValue))",
            extra: [
                ("required", .string(required.rawValue)), ("current", .string(org.planTier.rawValue)),
                ("trialing", .bool(org.subscriptionStatus == .trialing)),
            ])
    }
}
