public import Foundation
public import Kernel

/// A new affiliate joined a program's roster (`affiliate.created`).
public struct AffiliateCreated: DomainEvent {
    public static let name = "affiliate.created"
    public let tenant: TenantID
    public let affiliateID: AffiliateID
    public let programID: ProgramID
    public let at: Date

    public init(tenant: TenantID, affiliateID: AffiliateID, programID: ProgramID, at: Date) {
        self.tenant = tenant
        self.affiliateID = affiliateID
        self.programID = programID
        self.at = at
    }
}

/// An affiliate became Approved (`affiliate.approved`).
public struct AffiliateApproved: DomainEvent {
    public static let name = "affiliate.approved"
    public let tenant: TenantID
    public let affiliateID: AffiliateID
    public let programID: ProgramID
    public let at: Date

    public init(tenant: TenantID, affiliateID: AffiliateID, programID: ProgramID, at: Date) {
        self.tenant = tenant
        self.affiliateID = affiliateID
        self.programID = programID
        self.at = at
    }
}

/// Someone was handed a download link to an affiliate's tax form (`affiliate.tax_form_accessed`): the audit log
/// records every such read.
public struct TaxFormAccessed: DomainEvent {
    public static let name = "affiliate.tax_form_accessed"
    public let tenant: TenantID
    public let affiliateID: AffiliateID
    public let at: Date

    public init(tenant: TenantID, affiliateID: AffiliateID, at: Date) {
        self.tenant = tenant
        self.affiliateID = affiliateID
        self.at = at
    }
}
