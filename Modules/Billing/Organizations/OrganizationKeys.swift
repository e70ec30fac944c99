import Kernel

/// Where organizations live in the store.
enum OrganizationKeys {
    /// handle → tenant number (global, so a handle names one tenant across the deployment).
    static let byHandle = Keyspace.global("tenant-handle")
    /// The last tenant number handed out.
    static let sequence = Keyspace.global("tenant-sequence").key()

    static func profile(_ tenant: TenantID) -> StoreKey { Keyspace.tenant(tenant, "organization").key() }

    static func tenant(fromHandleValue bytes: [UInt8]) -> TenantID? {
        guard bytes.count == 4 else { return nil }
        return TenantID(number: bytes.reduce(0) { $0 << 8 | UInt32($1) })
    }

    static func handleValue(_ tenant: TenantID) -> [UInt8] {
        withUnsafeBytes(of: tenant.number.bigEndian) { Array($0) }
    }
}
