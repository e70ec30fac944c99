import Kernel

/// Where invites live in the store.
enum InviteKeys {
    static func records(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "invite") }
    /// SHA-256 of a live token → tenant number and invite id.
    static let tokens = Keyspace.global("invite-token")

    static func token(_ hash: [UInt8]) -> StoreKey {
        tokens.key(Hex.encode(hash))
    }

    static func tokenValue(_ tenant: TenantID, _ id: InviteID) -> [UInt8] {
        tenant.bytes + id.bytes
    }

    static func decodeToken(_ bytes: [UInt8]) -> (TenantID, InviteID)? {
        guard bytes.count == 20, let tenant = TenantID(leadingBytes: bytes),
            let id = InviteID(bytes: bytes.dropFirst(4))
        else { return nil }
        return (tenant, id)
    }
}
