public import Kernel

public enum ConversionTag {}
public typealias ConversionID = TypedID<ConversionTag>

public enum ClickTag {}
public typealias ClickID = TypedID<ClickTag>

/// What a conversion row is: a sale (one-time or a renewal), a bonus, or a reward for a click or a lead.
public enum ConversionType: String, Sendable, Codable, CaseIterable {
    case oneTime = "OneTime", recurring = "Recurring", bonus = "Bonus", clickReward = "ClickReward", leadReward = "LeadReward"
}

public enum ConversionStatus: String, Sendable, Codable, CaseIterable {
    case pending = "Pending", approved = "Approved", paid = "Paid", refunded = "Refunded", denied = "Denied"
}

/// How a sale was tied to its affiliate (the spec's `attributionMethod`).
public enum AttributionMethod: String, Sendable, Codable, CaseIterable {
    /// The affiliate's coupon or promotion code was redeemed.
    case coupon
    /// A click token in `client_reference_id` or metadata, or the customer's earlier attribution.
    case metadataOrCustomer = "metadata_or_customer"
    /// The customer's email matched a lead.
    case emailMatch = "email_match"
    /// A day's clicks on a `Cpc` program.
    case cpcAggregation = "cpc_aggregation"
    case subAffiliateOverride = "sub_affiliate_override"
    /// Brought over from another platform.
    case `import`
}

/// The campaign tags of a visit.
public struct UTMParameters: Sendable, Hashable, Codable {
    public var source: String?
    public var medium: String?
    public var campaign: String?
    public var term: String?
    public var content: String?

    public init(source: String? = nil, medium: String? = nil, campaign: String? = nil, term: String? = nil, content: String? = nil) {
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.term = term
        self.content = content
    }

    public var isEmpty: Bool { [source, medium, campaign, term, content].allSatisfy { $0 == nil } }
}
