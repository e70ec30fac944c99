public import Contracts
public import Kernel

/// `GET /api/billing/state`: the plan, the subscription and a snapshot of every limit with its current use, counted by
/// the contexts that own each resource through their `UsageMeter`s. A resource whose context is not part of this
/// build has no meter and reports 0.
public struct BillingStateService: Sendable {
    let meters: [LimitedResource: any UsageMeter]
    let stripeConnectLinked: @Sendable (TenantID) throws -> Bool

    public init(meters: [LimitedResource: any UsageMeter], stripeConnectLinked: @escaping @Sendable (TenantID) throws -> Bool) {
        self.meters = meters
        self.stripeConnectLinked = stripeConnectLinked
    }

    public func state(of org: Organization) throws -> JSONValue {
        let limits = try LimitedResource.allCases.map { resource -> (String, JSONValue) in
            let current = try meters[resource]?.current(for: org.tenant) ?? 0
            let max = PlanLimits.max(resource, on: org.planTier)
            return (resource.rawValue, .object([("current", .int(current)), ("max", max.map(JSONValue.int) ?? .null)]))
        }
        return .object([
            ("planTier", .string(org.planTier.rawValue)),
            ("subscriptionStatus", .string(org.subscriptionStatus.rawValue)),
            ("trialEndsAt", .timestamp(org.trialEndsAt)),
            ("interval", .string(org.billingInterval?.rawValue)),
            ("stripeSubscriptionId", .string(org.stripeSubscriptionId)),
            ("stripeCustomerLinked", .bool(org.stripeCustomerId != nil)),
            ("stripeConnectLinked", .bool(try stripeConnectLinked(org.tenant))),
            ("limits", .object(limits)),
        ])
    }
}

/// Team seats are the tenant's live API keys: in a self-hosted deployment each person or system with access holds one.
public struct APIKeySeatMeter: UsageMeter {
    let credentials: CredentialStore

    public init(credentials: CredentialStore) { self.credentials = credentials }

    public func current(for tenant: TenantID) throws -> Int64 {
        Int64(try credentials.keys(of: tenant).filter { $0.revokedAt == nil }.count)
    }
}
