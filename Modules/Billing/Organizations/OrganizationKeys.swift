import Kernel

/// Where organizations live in the store.
enum OrganizationKeys {
    /// handle → tenant number (global, so a handle names one tenant across the deployment).
    static let byHandle = Keyspace.global("tenant-handle")
    /// The last tenant number handed out.
    static let sequence = Keyspace.global("tenant-sequence").key()

    static func profile(_ tenant: TenantID) -> StoreKey { Keyspace.tenant(tenant, "organization").key() }
}
