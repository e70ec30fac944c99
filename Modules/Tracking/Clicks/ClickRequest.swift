public import Contracts
public import Kernel

/// The page a tracking call comes from: what `POST /api/tracking/verify` sends, and the start of a click.
public struct PageVisit: Sendable {
    public let programID: ProgramID
    public let pageURL: String
    public let consentGranted: Bool
    /// `pageURL` parsed once, for the host check here and the code and UTMs the click reads.
    let landing: LandingURL

    init(programID: ProgramID, pageURL: String, landing: LandingURL, consentGranted: Bool) {
        self.programID = programID
        self.pageURL = pageURL
        self.landing = landing
        self.consentGranted = consentGranted
    }

    public init(_ body: FieldReader) throws(DomainError) {
        let rawID = try FieldReader.required(body.string("programId", maxLength: 64), "programId")
        guard let id = ProgramID(rawID) else { throw DomainError.validation("programId", "programId must be a program id (UUID)") }
        programID = id
        pageURL = try FieldReader.required(body.string("pageUrl", maxLength: 4_096), "pageUrl")
        landing = LandingURL(pageURL)
        guard landing.host != nil else {
            throw DomainError.validation("pageUrl", "pageUrl must be an absolute http(s) URL")
        }
        // Absent means granted: a brand with a consent manager says `false` until the visitor agrees.
        consentGranted = try body.bool("consentGranted").value ?? true
    }
}

/// A validated body of `POST /api/tracking/click`.
public struct ClickRequest: Sendable {
    public let page: PageVisit
    public let referralCode: String?
    public let referrer: String?
    /// The visitor's current `rekomi_cid`, so a passthrough arrival or a repeat click can keep it.
    public let existingClickToken: String?

    init(page: PageVisit) {
        self.page = page
        referralCode = nil
        referrer = nil
        existingClickToken = nil
    }

    public init(_ body: FieldReader) throws(DomainError) {
        page = try PageVisit(body)
        referralCode = try body.string("referralCode", maxLength: 128).value
        referrer = try body.string("referrer", maxLength: 4_096, allowEmpty: true).value.flatMap { $0.isEmpty ? nil : $0 }
        existingClickToken = try body.string("existingClickToken", maxLength: 64, allowEmpty: true).value
    }
}

/// What the server knows of the visitor beyond the body.
public struct Visitor: Sendable {
    public let origin: String?
    public let referer: String?
    public let userAgent: String?
    public let country: String?

    public init(origin: String?, referer: String?, userAgent: String?, country: String?) {
        self.origin = origin
        self.referer = referer
        self.userAgent = userAgent
        self.country = country
    }
}
