public import Contracts
import Crypto
public import Foundation
public import Kernel

/// Read-only access for an affiliate to their own insights until an affiliate portal exists: the brand issues a
/// bearer token (`vaf_…`) for one affiliate and hands it over. Only its SHA-256 is stored; issuing again replaces the
/// affiliate's previous token, revoking retires it, and a deleted, rejected or banned affiliate's token stops working.
public struct AffiliateAccessService: Sendable {
    static let prefix = "vaf_"
    static let defaultLifetimeHours = 720
    static let maxLifetimeHours = 8_760

    let affiliates: AffiliateService

    public init(affiliates: AffiliateService) { self.affiliates = affiliates }

    var database: Database { affiliates.database }

    public struct Issued: Sendable {
        public let token: String
        public let expiresAt: Date
    }

    /// 404 when the affiliate is not on the tenant's roster.
    public func issue(_ tenant: TenantID, _ affiliate: AffiliateID, lifetimeHours: Int?) async throws -> Issued {
        let hours = lifetimeHours ?? Self.defaultLifetimeHours
        guard (1...Self.maxLifetimeHours).contains(hours) else {
            throw DomainError.validation("expiresInHours", "expiresInHours must be between 1 and \(Self.maxLifetimeHours)")
        }
        guard try affiliates.affiliate(tenant, affiliate) != nil else { throw DomainError.notFound("Affiliate") }
        let token = Self.prefix + RandomToken.base62(length: 40)
        let hash = Array(SHA256.hash(data: Array(token.utf8)))
        let expiresAt = affiliates.clock.now().addingTimeInterval(Double(hours) * 3_600)
        try await database.write { store, _ in
            try retire(tenant, affiliate, in: store)
            try store.put(.indexes, AffiliateAccessKeys.token(hash), AffiliateAccessKeys.tokenValue(tenant, affiliate, expiresAt: expiresAt))
            try store.put(.indexes, AffiliateAccessKeys.current(tenant).key(affiliate), hash)
        }
        return Issued(token: token, expiresAt: expiresAt)
    }

    /// `false` when the affiliate had no live token.
    public func revoke(_ tenant: TenantID, _ affiliate: AffiliateID) async throws -> Bool {
        try await database.write { store, _ in try retire(tenant, affiliate, in: store) }
    }

    /// The tenant and affiliate a token stands for, while it is live and the affiliate may still see their numbers.
    public func authenticate(_ token: String) throws -> (TenantID, AffiliateID)? {
        guard token.hasPrefix(Self.prefix) else { return nil }
        let hash = Array(SHA256.hash(data: Array(token.utf8)))
        guard let value = try database.read({ try $0.get(.indexes, AffiliateAccessKeys.token(hash)) }),
            let (tenant, affiliate, expiresAt) = AffiliateAccessKeys.decodeToken(value), expiresAt > affiliates.clock.now(),
            let record = try affiliates.affiliate(tenant, affiliate), record.status == .approved || record.status == .paused
        else { return nil }
        return (tenant, affiliate)
    }

    @discardableResult
    private func retire(_ tenant: TenantID, _ affiliate: AffiliateID, in store: borrowing some StoreWriter & ~Copyable) throws -> Bool {
        let current = AffiliateAccessKeys.current(tenant).key(affiliate)
        guard let hash = try store.get(.indexes, current) else { return false }
        try store.delete(.indexes, AffiliateAccessKeys.token(hash))
        try store.delete(.indexes, current)
        return true
    }
}
