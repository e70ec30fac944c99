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
