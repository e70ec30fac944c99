public import Contracts
public import Foundation
public import Kernel

/// One row of the conversions ledger: a sale (one-time or one invoice of a subscription), a lead (a free identified
/// signup, `LeadReward`), a day of paid clicks (`ClickReward`) or a recruiter's override on a recruit's sale.
/// Money-bearing, so it is written through the fsynced group commit before the caller hears back. Fields added after
/// the first version are optional, so rows written before them still read.
public struct Conversion: Sendable, Codable, Equatable {
    public let id: ConversionID
    public let type: ConversionType
    public var status: ConversionStatus
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    /// The sale, in its own currency; zero for leads, click rewards and overrides.
    public let amount: Money
    /// What the affiliate earns now: the commission at the sale, less what refunds took back.
    public var commission: Money
    /// The commission when the sale was recorded; `nil` on rows written before refunds existed (then `commission`).
    public var commissionAtSale: Money?
    /// The rule the commission came from, as it was when the conversion was recorded.
    public let commissionRule: CommissionRule
    public let source: ConversionSource
    public let externalEventID: String?
    /// The brand's customer id (Stripe `cus_…` or the S2S `customerId`).
    public let customerID: String?
    public let customerEmail: String?
    public let customerName: String?
    public let createdAt: Date
    public var subscriptionID: String?
    public var attributionMethod: AttributionMethod?
    /// The redeemed code, only when the sale was attributed by it.
    public var couponCode: String?
    /// The click the sale was attributed through.
    public var clickID: ClickID?
    /// For a sub-affiliate override: the recruit's sale it is a share of.
    public var parentConversionID: ConversionID?
    /// How much of the sale has been refunded, cumulative.
    public var refunded: Money?
    public var refundedAt: Date?
    /// The commission paid out, once the conversion is Paid; a later refund claws back the difference.
    public var paidCommission: Money?
    /// The conversion whose timeline this one's events join: a subscription's first sale, else the row itself.
    public var timelineID: ConversionID?

    public init(
        id: ConversionID, type: ConversionType, status: ConversionStatus, programID: ProgramID, affiliateID: AffiliateID, amount: Money,
        commission: Money, commissionRule: CommissionRule, source: ConversionSource, externalEventID: String? = nil, customerID: String? = nil,
        customerEmail: String? = nil, customerName: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.programID = programID
        self.affiliateID = affiliateID
        self.amount = amount
        self.commission = commission
        self.commissionRule = commissionRule
        self.source = source
        self.externalEventID = externalEventID
        self.customerID = customerID
        self.customerEmail = customerEmail
        self.customerName = customerName
        self.createdAt = createdAt
        commissionAtSale = commission
    }

    public var timeline: ConversionID { timelineID ?? id }

    /// Whether the customer and subscription ids are the brand's Stripe ids (from Stripe, or imported as such).
    private var carriesStripeIDs: Bool { source == .stripe || source == .import }

    /// The spec's conversion object (list, detail and webhooks).
    public var json: JSONValue {
        .object([
            ("id", .string(id.description)),
            ("affiliateId", .string(affiliateID.description)),
            ("programId", .string(programID.description)),
            ("amountCents", .int(amount.minorUnits)),
            ("currency", .string(amount.currency.rawValue)),
            ("commissionCents", .int(commission.minorUnits)),
            ("commissionCurrency", .string(commission.currency.rawValue)),
            ("status", .string(status.rawValue)),
            ("type", .string(type.rawValue)),
            ("stripeSubscriptionId", .string(carriesStripeIDs ? subscriptionID : nil)),
            ("stripeCustomerId", .string(carriesStripeIDs ? customerID : nil)),
            ("externalEventId", .string(externalEventID)),
            ("createdAt", .timestamp(createdAt)),
            ("refundedAt", .timestamp(refundedAt)),
            ("attributionMethod", .string(attributionMethod?.rawValue)),
            ("couponCode", .string(couponCode)),
            ("parentAffiliateConversionId", .string(parentConversionID?.description)),
        ])
    }
}

/// How a conversion reached the ledger.
public enum ConversionSource: String, Sendable, Codable {
    /// `POST /api/tracking/s2s`.
    case serverToServer = "s2s"
    /// `POST /api/tracking/lead`.
    case leadAPI = "lead_api"
    /// `POST /api/v1/r/lead/signup`, from the loader's `Rekomi.convert`.
    case browser
    /// A Stripe webhook event.
    case stripe
    /// `POST /api/v1/conversions/import`.
    case `import`
    /// Clicks on a `Cpc` program.
    case clicks
    /// A share of a recruit's conversion.
    case subAffiliate = "sub_affiliate"
}

extension Conversion {
    /// `conversion.created` for this row as it stands, with the click it came through when that is still stored.
    func recorded(_ tenant: TenantID, click: Click?) -> ConversionRecorded {
        ConversionRecorded(
            tenant: tenant, conversionID: id, type: type, status: status, programID: programID, affiliateID: affiliateID, amount: amount,
            commission: commission, clickID: clickID,
            click: click?.facts,
            attributionMethod: attributionMethod, customerID: customerID, subscriptionID: subscriptionID, parentConversionID: parentConversionID,
            at: createdAt)
    }
}
