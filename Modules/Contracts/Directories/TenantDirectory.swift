public import Kernel

/// What other contexts may know of a tenant.
public struct TenantSummary: Sendable, Equatable {
    public let tenant: TenantID
    public let handle: String
    public let name: String

    public init(tenant: TenantID, handle: String, name: String) {
        self.tenant = tenant
        self.handle = handle
        self.name = name
    }
}

/// Finds tenants by handle or number; implemented by Billing.
public protocol TenantDirectory: Sendable {
    func tenant(handle: String) throws -> TenantSummary?
    func tenant(_ tenant: TenantID) throws -> TenantSummary?
}
