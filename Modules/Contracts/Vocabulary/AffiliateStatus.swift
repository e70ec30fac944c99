public import Kernel

public enum AffiliateTag {}
public typealias AffiliateID = TypedID<AffiliateTag>

public enum AffiliateLinkTag {}
public typealias AffiliateLinkID = TypedID<AffiliateLinkTag>

/// Where an affiliate stands with the brand. Only `Approved` affiliates earn.
public enum AffiliateStatus: String, Sendable, Codable, CaseIterable {
    case pending = "Pending", approved = "Approved", rejected = "Rejected", paused = "Paused", banned = "Banned"
}
