public import Contracts
public import Foundation
public import Kernel

/// One visit through an affiliate's link. Clicks are the highest-volume record, so they are stored in the compact
/// binary form of `ClickCoding` rather than JSON.
public struct Click: Sendable, Equatable {
    public let id: ClickID
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let linkID: AffiliateLinkID
    /// The referral code the visitor came with (a link slug or alias).
    public let code: String
    /// Millisecond precision, as stored.
    public let at: Date
    /// Without consent nothing identifying is kept: no landing-page query, no referrer, no token.
    public let consentGranted: Bool
    public let device: DeviceClass
    /// ISO 3166-1 alpha-2, `nil` when unknown.
    public let country: String?
    public let landingPage: String?
    public let referrerHost: String?
    public let utm: UTMParameters

    public init(
        id: ClickID, programID: ProgramID, affiliateID: AffiliateID, linkID: AffiliateLinkID, code: String, at: Date, consentGranted: Bool,
        device: DeviceClass, country: String?, landingPage: String?, referrerHost: String?, utm: UTMParameters
    ) {
        self.id = id
        self.programID = programID
        self.affiliateID = affiliateID
        self.linkID = linkID
        self.code = code
        self.at = Date(timeIntervalSince1970: (at.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        self.consentGranted = consentGranted
        self.device = device
        self.country = country
        self.landingPage = landingPage
        self.referrerHost = referrerHost
        self.utm = utm
    }
}

extension Click {
    /// What a sale through this click tells Insights of it.
    var facts: ClickFacts {
        ClickFacts(at: at, linkID: linkID, country: country, device: device, referrerHost: referrerHost, utm: utm)
    }

    /// The event that tells other contexts of this click.
    func recorded(_ tenant: TenantID) -> ClickRecorded {
        ClickRecorded(
            tenant: tenant, clickID: id, programID: programID, affiliateID: affiliateID, linkID: linkID, at: at, country: country, device: device,
            referrerHost: referrerHost, utm: utm)
    }
}
