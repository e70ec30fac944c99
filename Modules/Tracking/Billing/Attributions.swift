public import Contracts
public import Foundation
public import Kernel

/// Who a subscription's renewals go to: decided once, at its first attributed payment.
struct SubscriptionAttribution: Codable, Equatable {
    let affiliateID: AffiliateID
    let programID: ProgramID
    /// The first sale's conversion: every renewal joins its timeline. `nil` while a free trial has paid nothing.
    var timelineID: ConversionID?
    let method: AttributionMethod
    let couponCode: String?
    let clickID: ClickID?
    /// Renewals paid so far, commissioned or not.
    var renewals: Int
    var endedAt: Date?
}

extension SubscriptionAttribution {
    /// A subscription's attribution as a payment's attribution decided it; its timeline starts with its first sale.
    init(_ attribution: PaymentAttribution, renewals: Int) {
        self.init(
            affiliateID: attribution.affiliate.id, programID: attribution.program.id, timelineID: nil, method: attribution.method,
            couponCode: attribution.couponCode, clickID: attribution.clickID, renewals: renewals, endedAt: nil)
    }
}

/// Who a returning customer's sales go to: the affiliate of their first attributed sale.
struct CustomerAttribution: Codable, Equatable {
    let affiliateID: AffiliateID
    let programID: ProgramID
    let clickID: ClickID?
    let at: Date
}

/// Commission already paid out that a refund took back. The next payout to the affiliate nets it out.
public struct Clawback: Sendable, Codable, Equatable {
    public let id: ClawbackID
    public let conversionID: ConversionID
    public let affiliateID: AffiliateID
    /// Owed back by the affiliate, positive.
    public let amount: Money
    public let createdAt: Date
    /// Set by the payout that netted it out.
    public var settledAt: Date?
}

public enum ClawbackTag {}
public typealias ClawbackID = TypedID<ClawbackTag>
