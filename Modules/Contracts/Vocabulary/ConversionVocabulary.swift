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

/// The campaign tags of a visit.
public struct UTMParameters: Sendable, Equatable, Codable {
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
