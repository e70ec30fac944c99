/// How an affiliate joined.
public enum AffiliateSource: String, Sendable, Codable, CaseIterable {
    case direct = "Direct", `public` = "Public", invite = "Invite", network = "Network"
}

/// How a link carries the referral code: `/r/code`, `?via=code`, `/code`, `#code`.
public enum LinkFormat: String, Sendable, Codable, CaseIterable {
    case short = "Short", query = "Query", path = "Path", hash = "Hash"
}
