public import Contracts
public import Foundation
public import Kernel

public enum OrganizationTag {}
public typealias OrganizationID = TypedID<OrganizationTag>

/// A tenant: a brand with its profile, plan and settings.
public struct Organization: Sendable, Codable {
    public let id: OrganizationID
    public let tenant: TenantID
    public let handle: String
    public var name: String
    public var billingEmail: String?
    public var timezone: String
    public var primaryBrandColor: String?
    public var logoUrl: String?
    public var description: String?
    public var whiteLabelEnabled: Bool
    public var planTier: PlanTier
    public var subscriptionStatus: SubscriptionStatus
    public var trialEndsAt: Date?
    public var billingInterval: BillingInterval?
    public var stripeCustomerId: String?
    public var stripeSubscriptionId: String?
    public var payoutGraceDays: Int
    public var homeCurrency: Currency
    public var homeCurrencyChangedAt: Date?
    public let createdAt: Date
    public var updatedAt: Date

    public var summary: TenantSummary { TenantSummary(tenant: tenant, handle: handle, name: name, homeCurrency: homeCurrency) }

    /// The profile of `GET /api/organizations/me`.
    public var profileJSON: JSONValue {
        .object([
            ("id", .string(id.description)),
            ("name", .string(name)),
            ("slug", .string(handle)),
            ("billingEmail", .string(billingEmail)),
            ("timezone", .string(timezone)),
            ("primaryBrandColor", .string(primaryBrandColor)),
            ("logoUrl", .string(logoUrl)),
            ("description", .string(description)),
            ("whiteLabelEnabled", .bool(whiteLabelEnabled)),
            ("planTier", .string(planTier.rawValue)),
            ("subscriptionStatus", .string(subscriptionStatus.rawValue)),
            ("trialEndsAt", .timestamp(trialEndsAt)),
            ("payoutGraceDays", .int(payoutGraceDays)),
            ("payoutGraceDaysMax", .int(planTier.payoutGraceDaysMax)),
        ])
    }

    /// What the operator sees: the profile plus the settings only the admin API changes.
    public var adminJSON: JSONValue {
        guard case .object(let profile) = profileJSON else { return profileJSON }
        return .object(
            profile + [
                ("handle", .string(handle)),
                ("homeCurrency", .string(homeCurrency.rawValue)),
                ("billingInterval", .string(billingInterval?.rawValue)),
                ("stripeCustomerId", .string(stripeCustomerId)),
                ("stripeSubscriptionId", .string(stripeSubscriptionId)),
                ("createdAt", .timestamp(createdAt)),
                ("updatedAt", .timestamp(updatedAt)),
            ])
    }
}
