import Foundation
public import Kernel

/// The fields an operator may set on an organization, read from an admin request. Absent keys leave a field as it is.
public struct OrganizationChanges: Sendable {
    var name: Field<String> = .absent
    var billingEmail: Field<String> = .absent
    var timezone: Field<String> = .absent
    var primaryBrandColor: Field<String> = .absent
    var logoUrl: Field<String> = .absent
    var description: Field<String> = .absent
    var whiteLabelEnabled: Field<Bool> = .absent
    var planTier: Field<PlanTier> = .absent
    var subscriptionStatus: Field<SubscriptionStatus> = .absent
    var trialEndsAt: Field<Date> = .absent
    var billingInterval: Field<BillingInterval> = .absent
    var stripeCustomerId: Field<String> = .absent
    var stripeSubscriptionId: Field<String> = .absent
    var payoutGraceDays: Field<Int64> = .absent
    var homeCurrency: Field<Currency> = .absent

    public init(_ body: FieldReader) throws(DomainError) {
        name = try body.string("name", maxLength: 200)
        billingEmail = try body.string("billingEmail").map { (v) throws(DomainError) in try EmailAddress.normalized(v, field: "billingEmail") }
        timezone = try body.string("timezone", maxLength: 64).map { (v) throws(DomainError) in try ProfileValidation.timezone(v) }
        primaryBrandColor = try body.string("primaryBrandColor").map { (v) throws(DomainError) in try ProfileValidation.color(v) }
        logoUrl = try body.string("logoUrl", maxLength: 2048).map { (v) throws(DomainError) in try ProfileValidation.url(v, field: "logoUrl") }
        description = try body.string("description", maxLength: 2000, allowEmpty: true)
        whiteLabelEnabled = try body.bool("whiteLabelEnabled")
        planTier = try body.oneOf("planTier", PlanTier.self)
        subscriptionStatus = try body.oneOf("subscriptionStatus", SubscriptionStatus.self)
        trialEndsAt = try body.string("trialEndsAt").map { (v) throws(DomainError) in
            guard let date = Timestamp.parse(v) else { throw DomainError.validation("trialEndsAt", "trialEndsAt must be an ISO-8601 timestamp") }
            return date
        }
        billingInterval = try body.oneOf("billingInterval", BillingInterval.self)
        stripeCustomerId = try body.string("stripeCustomerId", maxLength: 255)
        stripeSubscriptionId = try body.string("stripeSubscriptionId", maxLength: 255)
        payoutGraceDays = try body.integer("payoutGraceDays", in: 0...365)
        homeCurrency = try body.string("homeCurrency").map { (v) throws(DomainError) in try Currency.parse(v, field: "homeCurrency") }
        for key in ["name", "timezone", "whiteLabelEnabled", "planTier", "subscriptionStatus", "payoutGraceDays", "homeCurrency"] {
            if case .null = body.raw(key) { throw DomainError.validation(key, "\(key) cannot be null") }
        }
    }

    /// Applies the changes. A plan change clamps the payout grace days to the new plan's maximum unless they are sent.
    func apply(to org: inout Organization, now: Date) throws(DomainError) {
        org.name = name.value ?? org.name
        org.billingEmail = billingEmail.resolved(current: org.billingEmail)
        org.timezone = timezone.value ?? org.timezone
        org.primaryBrandColor = primaryBrandColor.resolved(current: org.primaryBrandColor)
        org.logoUrl = logoUrl.resolved(current: org.logoUrl)
        org.description = description.resolved(current: org.description)
        org.whiteLabelEnabled = whiteLabelEnabled.value ?? org.whiteLabelEnabled
        org.planTier = planTier.value ?? org.planTier
        org.subscriptionStatus = subscriptionStatus.value ?? org.subscriptionStatus
        org.trialEndsAt = trialEndsAt.resolved(current: org.trialEndsAt)
        org.billingInterval = billingInterval.resolved(current: org.billingInterval)
        org.stripeCustomerId = stripeCustomerId.resolved(current: org.stripeCustomerId)
        org.stripeSubscriptionId = stripeSubscriptionId.resolved(current: org.stripeSubscriptionId)
        if let currency = homeCurrency.value, currency != org.homeCurrency {
            org.homeCurrency = currency
            org.homeCurrencyChangedAt = now
        }
        let maxGrace = org.planTier.payoutGraceDaysMax
        if let days = payoutGraceDays.value {
            guard days <= maxGrace else {
                throw DomainError.validation("payoutGraceDays", "payoutGraceDays must be at most \(maxGrace) on the \(org.planTier.rawValue) plan")
            }
            org.payoutGraceDays = Int(days)
        } else {
            org.payoutGraceDays = min(org.payoutGraceDays, maxGrace)
        }
        org.updatedAt = now
    }
}
