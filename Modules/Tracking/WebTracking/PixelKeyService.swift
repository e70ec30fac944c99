public import Foundation
public import Kernel

/// A tenant's pixel public key (`rkpk_…`): the `data-rekomi-org` value of the install snippet, naming the brand to
/// the browser pixel. It is public by design (it sits in page source), so it is stored in plain text. One per tenant,
/// created on request and never rotated.
public struct PixelKeyService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    static let prefix = "rkpk_"
    private static func key(_ tenant: TenantID) -> StoreKey { Keyspace.tenant(tenant, "pixel-public-key").key() }
    /// Pixel key → tenant, for the pixel endpoints that learn the brand from the key alone.
    private static let owners = Keyspace.global("pixel-public-key-tenant")

    public func pixelKey(_ tenant: TenantID) throws -> String? {
        try database.read { store in try store.get(.records, Self.key(tenant)).map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The tenant whose pixel key this is.
    public func tenant(forPixelKey pixelKey: String) throws -> TenantID? {
        try database.read { store in try store.get(.indexes, Self.owners.key(pixelKey)).flatMap { TenantID(leadingBytes: $0) } }
    }

    /// The tenant's key, created when it has none; `created` tells which.
    public func provision(_ tenant: TenantID) async throws -> (pixelKey: String, created: Bool) {
        // Drawn outside the write: a write body may run again and must not draw a different key.
        let fresh = Self.prefix + RandomToken.base62(length: 32)
        let now = clock.now()
        return try await database.write { store, events in
            if let existing = try store.get(.records, Self.key(tenant)) { return (String(decoding: existing, as: UTF8.self), false) }
            guard try store.insert(.indexes, Self.owners.key(fresh), tenant.bytes) else {
                throw DomainError(.unavailable, "pixel_key_collision", "Could not create a pixel key; retry")
            }
            try store.put(.records, Self.key(tenant), Array(fresh.utf8))
            events.record(PixelPublicKeyCreated(tenant: tenant, at: now))
            return (fresh, true)
        }
    }
}

/// `org.pixel_public_key_created`, for the audit log (the key itself is public and not repeated there).
public struct PixelPublicKeyCreated: DomainEvent {
    public static let name = "org.pixel_public_key_created"
    public let tenant: TenantID
    public let at: Date
}
