public import Kernel

/// A storefront visitor's application to a program.
public struct AffiliateApplication: Sendable {
    public let email: String
    public let fullName: String?
    public let website: String?
    public let audience: String?
    public let whyInterested: String?
    public let customAlias: String?
    public let recruitedBy: AffiliateID?

    public init(email: String, fullName: String?, website: String?, audience: String?, whyInterested: String?, customAlias: String?, recruitedBy: AffiliateID?) {
        self.email = email
        self.fullName = fullName
        self.website = website
        self.audience = audience
        self.whyInterested = whyInterested
        self.customAlias = customAlias
        self.recruitedBy = recruitedBy
    }
}

/// What became of an application. A repeated email is `duplicate`, so the storefront can answer it exactly like a
/// fresh application and nobody learns who is on a roster.
public enum ApplicationOutcome: Sendable, Equatable {
    case accepted(AffiliateID, AffiliateStatus, linkSlug: String?)
    case duplicate
}

/// Enrolls applicants; implemented by Affiliates, the one place that creates affiliates.
public protocol AffiliateApplications: Sendable {
    func apply(to program: ProgramSummary, _ application: AffiliateApplication) async throws -> ApplicationOutcome
}
