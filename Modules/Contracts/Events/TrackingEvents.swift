public import Foundation
public import Kernel

/// A visitor followed an affiliate's link (`click.recorded`). Carries what Insights groups clicks by.
public struct ClickRecorded: DomainEvent {
    public static let name = "click.recorded"
    public let tenant: TenantID
    public let clickID: ClickID
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let linkID: AffiliateLinkID
    public let at: Date
    /// ISO 3166-1 alpha-2, or `nil` when unknown.
    public let country: String?
    public let device: DeviceClass
    public let referrerHost: String?
    public let utm: UTMParameters

    public init(
        tenant: TenantID, clickID: ClickID, programID: ProgramID, affiliateID: AffiliateID, linkID: AffiliateLinkID, at: Date,
        country: String?, device: DeviceClass, referrerHost: String?, utm: UTMParameters
    ) {
        self.tenant = tenant
        self.clickID = clickID
        self.programID = programID
        self.affiliateID = affiliateID
        self.linkID = linkID
        self.at = at
        self.country = country
        self.device = device
        self.referrerHost = referrerHost
        self.utm = utm
    }
}

/// A customer email was tied to a referring affiliate (`lead.recorded`).
public struct LeadRecorded: DomainEvent {
    public static let name = "lead.recorded"
    public let tenant: TenantID
    public let conversionID: ConversionID
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let commission: Money
    public let at: Date

    public init(tenant: TenantID, conversionID: ConversionID, programID: ProgramID, affiliateID: AffiliateID, commission: Money, at: Date) {
        self.tenant = tenant
        self.conversionID = conversionID
        self.programID = programID
        self.affiliateID = affiliateID
        self.commission = commission
        self.at = at
    }
}

/// A sale was credited to an affiliate (`conversion.created`).
public struct ConversionRecorded: DomainEvent {
    public static let name = "conversion.created"
    public let tenant: TenantID
    public let conversionID: ConversionID
    public let type: ConversionType
    public let status: ConversionStatus
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    public let amount: Money
    public let commission: Money
    public let clickID: ClickID?
    public let at: Date

    public init(
        tenant: TenantID, conversionID: ConversionID, type: ConversionType, status: ConversionStatus, programID: ProgramID,
        affiliateID: AffiliateID, amount: Money, commission: Money, clickID: ClickID?, at: Date
    ) {
        self.tenant = tenant
        self.conversionID = conversionID
        self.type = type
        self.status = status
        self.programID = programID
        self.affiliateID = affiliateID
        self.amount = amount
        self.commission = commission
        self.clickID = clickID
        self.at = at
    }
}
