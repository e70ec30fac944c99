import Kernel

/// Remembers every signature accepted within the tolerance window, in the same transaction as what it signed, so
/// a captured request sent again is refused rather than recorded twice. Older entries cannot pass the timestamp
/// check any more and are dropped as new ones arrive.
enum ReplayGuard {
    static func seen(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "signature-seen") }
    /// Bounds the clean-up work one write does.
    static let pruneBatch = 256

    static func claim(
        _ signature: VerifiedSignature, tenant: TenantID, now: UInt64, in store: borrowing some StoreWriter & ~Copyable
    ) throws {
        let space = seen(tenant)
        let key = StoreKey(bytes: space.key(signature.timestamp).bytes + signature.digest)
        guard try store.insert(.idempotency, key, []) else {
            throw DomainError(.conflict, "replayed_request", "This signed request was already received; sign each request anew")
        }
        var expired: [StoreKey] = []
        try store.scan(.idempotency, prefix: space.prefix) { key, _ in
            let timestamp = key.suffix(after: space.prefix).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard timestamp + RequestSignatureVerifier.tolerance < now, expired.count < pruneBatch else { return false }
            expired.append(key)
            return true
        }
        for key in expired { try store.delete(.idempotency, key) }
    }
}
