import Contracts
import Foundation
import Kernel

/// Where affiliates' access tokens live: the global hash index the token is looked up by, and each affiliate's
/// current token hash so that issuing a new one retires the old.
enum AffiliateAccessKeys {
    /// SHA-256 of a live token (hex) → tenant number, affiliate id, expiry in Unix seconds.
    static let tokens = Keyspace.global("affiliate-access-token")

    static func current(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "affiliate-access") }

    static func token(_ hash: [UInt8]) -> StoreKey { tokens.key(Hex.encode(hash)) }

    static func tokenValue(_ tenant: TenantID, _ affiliate: AffiliateID, expiresAt: Date) -> [UInt8] {
        var bytes = tenant.bytes + affiliate.bytes
        UInt64(expiresAt.timeIntervalSince1970).appendKeyBytes(to: &bytes)
        return bytes
    }

    static func decodeToken(_ bytes: [UInt8]) -> (TenantID, AffiliateID, Date)? {
        guard bytes.count == 28, let tenant = TenantID(leadingBytes: bytes), let affiliate = AffiliateID(bytes: bytes[4..<20]) else { return nil }
        let seconds = bytes[20...].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (tenant, affiliate, Date(timeIntervalSince1970: Double(seconds)))
    }
}
