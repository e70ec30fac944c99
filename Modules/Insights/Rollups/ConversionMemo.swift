import Contracts
import Foundation
import Kernel

/// What Insights keeps of a conversion row: enough to compute its contribution (`Contribution`) in its current
/// state, so that a review or a refund replaces the old contribution with the new one exactly.
struct ConversionMemo: Codable, Equatable {
    enum Kind: String, Codable, CaseIterable {
        /// `OneTime` and `Recurring` rows of their own: counted as conversions with revenue.
        case sale
        /// `LeadReward` rows: free identified signups.
        case lead
        /// Commission without a sale of its own: `ClickReward`, `Bonus`, a recruiter's override.
        case reward
    }

    let at: Date
    let programID: ProgramID
    let affiliateID: AffiliateID
    let kind: Kind
    let recurring: Bool
    let subscription: Bool
    var status: ConversionStatus
    let amount: Money
    var commission: Money
    /// The sale's originating click.
    let click: ClickFacts?
    let attribution: AttributionBucket
    /// `nil` when the sale names no customer.
    var returningCustomer: Bool?

    var day: CalendarDay { CalendarDay(at) }

    /// `<1h`, `1-24h`, `1-7d`, `>7d` from the click to the sale.
    var delayBucket: Int? {
        guard let click else { return nil }
        let seconds = at.timeIntervalSince(click.at)
        return seconds < 3600 ? 0 : seconds < 86_400 ? 1 : seconds < 7 * 86_400 ? 2 : 3
    }
}

extension ConversionMemo {
    init(_ event: ConversionRecorded, returningCustomer: Bool?) {
        let isOverride = event.parentConversionID != nil
        let kind: Kind =
            switch event.type {
            case .leadReward: .lead
            case .oneTime, .recurring: isOverride ? .reward : .sale
            case .clickReward, .bonus: .reward
            }
        guard kind != .lead else {
            self.init(lead: event.programID, event.affiliateID, status: event.status, commission: event.commission, at: event.at)
            return
        }
        self.init(
            at: event.at, programID: event.programID, affiliateID: event.affiliateID, kind: kind, recurring: event.type == .recurring,
            subscription: event.subscriptionID != nil, status: event.status, amount: event.amount, commission: event.commission,
            click: event.click,
            attribution: AttributionBucket(event), returningCustomer: kind == .sale ? returningCustomer : nil)
    }

    init(_ event: LeadRecorded) {
        self.init(lead: event.programID, event.affiliateID, status: event.status, commission: event.commission, at: event.at)
    }

    /// A lead is only counted and its commission summed: one memo whichever event announced it.
    private init(lead program: ProgramID, _ affiliate: AffiliateID, status: ConversionStatus, commission: Money, at: Date) {
        self.init(
            at: at, programID: program, affiliateID: affiliate, kind: .lead, recurring: false, subscription: false, status: status,
            amount: Money(minorUnits: 0, currency: commission.currency), commission: commission, click: nil, attribution: .other, returningCustomer: nil)
    }
}

/// The attribution module's split of sales.
enum AttributionBucket: Int, Codable, CaseIterable {
    case coupon = 0, link, other

    init(_ event: ConversionRecorded) {
        self = event.attributionMethod == .coupon ? .coupon : event.clickID != nil ? .link : .other
    }

    var label: String {
        switch self {
        case .coupon: "Coupon"
        case .link: "Link"
        case .other: "Other"
        }
    }

    var revenueMetric: Metric {
        switch self {
        case .coupon: .revenueCouponAttributed
        case .link: .revenueLinkAttributed
        case .other: .revenueOtherAttributed
        }
    }

    var commissionMetric: Metric {
        switch self {
        case .coupon: .commissionCouponAttributed
        case .link: .commissionLinkAttributed
        case .other: .commissionOtherAttributed
        }
    }
}
