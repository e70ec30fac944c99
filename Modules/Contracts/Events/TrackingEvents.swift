public import Foundation
public import Kernel

/// A visitor followed an affiliate's link (`click.recorded`). Carries what Insights groups clicks by.
public struct ClickRecorded: DomainEvent {
    public static let name = "click.recorded"
    public let tenant: TenantID
    public let clickID: ClickID
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let linkID: AffiliateLinkID
    public let at: Date
    /// ISO 3166-1 alpha-2, or `nil` when unknown.
    public let country: String?
    public let device: DeviceClass
    public let referrerHost: String?
    public let utm: UTMParameters

    public init(
        tenant: TenantID, clickID: ClickID, programID: ProgramID, affiliateID: AffiliateID, linkID: AffiliateLinkID, at: Date,
        country: String?, device: DeviceClass, referrerHost: String?, utm: UTMParameters
    ) {
        self.tenant = tenant
        self.clickID = clickID
        self.programID = programID
        self.affiliateID = affiliateID
        self.linkID = linkID
        self.at = at
        self.country = country
        self.device = device
        self.referrerHost = referrerHost
        self.utm = utm
    }
}

/// A customer email was tied to a referring affiliate (`lead.recorded`).
public struct LeadRecorded: DomainEvent {
    public static let name = "lead.recorded"
    public let tenant: TenantID
    public let conversionID: ConversionID
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let commission: Money
    /// Pending, or Approved when the program approves automatically.
    public let status: ConversionStatus
    public let at: Date

    public init(
        tenant: TenantID, conversionID: ConversionID, programID: ProgramID, affiliateID: AffiliateID, commission: Money, status: ConversionStatus,
        at: Date
    ) {
        self.tenant = tenant
        self.conversionID = conversionID
        self.programID = programID
        self.affiliateID = affiliateID
        self.commission = commission
        self.status = status
        self.at = at
    }
}

/// What Insights groups a sale by from the click it came through: coverage-aware views attribute a sale to a
/// country, device, referrer or campaign only when it has such a click.
public struct ClickFacts: Sendable, Equatable, Codable {
    public let at: Date
    public let linkID: AffiliateLinkID
    public let country: String?
    public let device: DeviceClass
    public let referrerHost: String?
    public let utm: UTMParameters

    public init(at: Date, linkID: AffiliateLinkID, country: String?, device: DeviceClass, referrerHost: String?, utm: UTMParameters) {
        self.at = at
        self.linkID = linkID
        self.country = country
        self.device = device
        self.referrerHost = referrerHost
        self.utm = utm
    }
}

/// A sale was credited to an affiliate (`conversion.created`).
public struct ConversionRecorded: DomainEvent {
    public static let name = "conversion.created"
    public let tenant: TenantID
    public let conversionID: ConversionID
    public let type: ConversionType
    public let status: ConversionStatus
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let amount: Money
    public let commission: Money
    public let clickID: ClickID?
    /// The originating click, when the sale came through one that is still stored.
    public let click: ClickFacts?
    public let attributionMethod: AttributionMethod?
    /// The brand's customer, for new-versus-returning counts.
    public let customerID: String?
    public let subscriptionID: String?
    /// Set on a sub-affiliate override: the recruit's sale it shares in.
    public let parentConversionID: ConversionID?
    public let at: Date

    public init(
        tenant: TenantID, conversionID: ConversionID, type: ConversionType, status: ConversionStatus, programID: ProgramID,
        affiliateID: AffiliateID, amount: Money, commission: Money, clickID: ClickID?, click: ClickFacts? = nil, attributionMethod: AttributionMethod? = nil,
        customerID: String? = nil, subscriptionID: String? = nil, parentConversionID: ConversionID? = nil, at: Date
    ) {
        self.tenant = tenant
        self.conversionID = conversionID
        self.type = type
        self.status = status
        self.programID = programID
        self.affiliateID = affiliateID
        self.amount = amount
        self.commission = commission
        self.clickID = clickID
        self.click = click
        self.attributionMethod = attributionMethod
        self.customerID = customerID
        self.subscriptionID = subscriptionID
        self.parentConversionID = parentConversionID
        self.at = at
    }
}

/// A conversion's commission grew without a new row (`conversion.commission_changed`): another paid click added to
/// the day's `ClickReward` row of a `Cpc` program.
public struct ConversionCommissionChanged: DomainEvent {
    public static let name = "conversion.commission_changed"
    public let tenant: TenantID
    public let conversionID: ConversionID
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let delta: Money
    public let commission: Money
    public let at: Date

    public init(
        tenant: TenantID, conversionID: ConversionID, programID: ProgramID, affiliateID: AffiliateID, delta: Money, commission: Money, at: Date
    ) {
        self.tenant = tenant
        self.conversionID = conversionID
        self.programID = programID
        self.affiliateID = affiliateID
        self.delta = delta
        self.commission = commission
        self.at = at
    }
}

/// The brand reviewed a conversion: `conversion.approved` (its commission is payable) or `conversion.denied` (it
/// earns nothing). One shape, told apart by the verdict in its type so each has its own event name.
public struct ConversionReviewed<Verdict: ReviewVerdict>: DomainEvent {
    public static var name: String { Verdict.eventName }
    public let tenant: TenantID
    public let conversionID: ConversionID
    public let affiliateID: AffiliateID
    /// The status before the review: Pending, Approved or Denied.
    public let from: ConversionStatus
    public let commission: Money
    public let at: Date

    public init(tenant: TenantID, conversionID: ConversionID, affiliateID: AffiliateID, from: ConversionStatus, commission: Money, at: Date) {
        self.tenant = tenant
        self.conversionID = conversionID
        self.affiliateID = affiliateID
        self.from = from
        self.commission = commission
        self.at = at
    }
}

public protocol ReviewVerdict: Sendable { static var eventName: String { get } }
public enum Approval: ReviewVerdict { public static let eventName = "conversion.approved" }
public enum Denial: ReviewVerdict { public static let eventName = "conversion.denied" }
public typealias ConversionApproved = ConversionReviewed<Approval>
public typealias ConversionDenied = ConversionReviewed<Denial>

/// Money of a sale was given back (`conversion.refunded`): fully or in part. The commission shrinks by the refunded
/// share; what was already paid out is clawed back from the next payout.
public struct ConversionRefunded: DomainEvent {
    public static let name = "conversion.refunded"
    public let tenant: TenantID
    public let conversionID: ConversionID
    public let affiliateID: AffiliateID
    /// The sale's refunded total so far (cumulative).
    public let refundedTotal: Money
    /// This refund's part of that total.
    public let refundedNow: Money
    public let commissionBefore: Money
    public let commissionAfter: Money
    /// Commission already paid that the next payout nets out; zero when nothing was paid yet.
    public let clawback: Money
    public let isFull: Bool
    public let at: Date

    public init(
        tenant: TenantID, conversionID: ConversionID, affiliateID: AffiliateID, refundedTotal: Money, refundedNow: Money, commissionBefore: Money,
        commissionAfter: Money, clawback: Money, isFull: Bool, at: Date
    ) {
        self.tenant = tenant
        self.conversionID = conversionID
        self.affiliateID = affiliateID
        self.refundedTotal = refundedTotal
        self.refundedNow = refundedNow
        self.commissionBefore = commissionBefore
        self.commissionAfter = commissionAfter
        self.clawback = clawback
        self.isFull = isFull
        self.at = at
    }
}

/// An attributed subscription was canceled (`subscription.canceled`): its renewals earn nothing more.
public struct SubscriptionEnded: DomainEvent {
    public static let name = "subscription.canceled"
    public let tenant: TenantID
    public let subscriptionID: String
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let at: Date

    public init(tenant: TenantID, subscriptionID: String, programID: ProgramID, affiliateID: AffiliateID, at: Date) {
        self.tenant = tenant
        self.subscriptionID = subscriptionID
        self.programID = programID
        self.affiliateID = affiliateID
        self.at = at
    }
}
