public import Kernel

/// What other contexts may know of a tenant.
public struct TenantSummary: Sendable, Equatable {
    public let tenant: TenantID
    public let handle: String
    public let name: String
    public let homeCurrency: Currency

    public init(tenant: TenantID, handle: String, name: String, homeCurrency: Currency) {
        self.tenant = tenant
        self.handle = handle
        self.name = name
        self.homeCurrency = homeCurrency
    }
}

/// Finds tenants by handle or number; implemented by Billing.
public protocol TenantDirectory: Sendable {
    func tenant(handle: String) throws -> TenantSummary?
    func tenant(_ tenant: TenantID) throws -> TenantSummary?
}
