public import Contracts
import Crypto
import Foundation
public import Kernel

/// Issues, revokes and checks API keys and signing secrets.
///
/// A presented key is hashed and looked up by its hash in a global index, so finding it costs the same whatever the
/// key; the stored hash is then compared in constant time. Unknown, malformed and revoked keys are all `nil`, so the
/// caller answers them alike.
public struct CredentialStore: Sendable {
    static let keyPrefix = "rk_live_"
    static let keyLength = 40
    static let secretPrefix = "rks_"

    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    let tenants: TenantRegistry
    private let decodedKeys = DecodedRecordCache<APIKey>()
    /// Every signed S2S call checks its tenant's secrets, which change only when one is created or revoked: decoding
    /// them cost 9 µs of each call.
    private let activeSecrets: SnapshotCache<TenantID, [String]>

    public init(database: Database, clock: any WallClock, ids: IDGenerator, tenants: TenantRegistry) {
        self.database = database
        self.clock = clock
        self.ids = ids
        self.tenants = tenants
        activeSecrets = SnapshotCache(watching: [(.records, Self.secretsName)], in: database.engine)
    }

    private static let byHash = Keyspace.global("api-key-hash")
    private static func keys(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "api-key") }
    private static let secretsName = "signing-secret"
    private static func secrets(_ tenant: TenantID) -> Keyspace { .tenant(tenant, secretsName) }

    /// Makes a key and returns it with its plaintext, which is never stored and cannot be shown again.
    public func issueKey(for tenant: TenantID, name: String, scope: APIKeyScope) async throws -> (APIKey, String) {
        let plaintext = SecretToken.make(prefix: Self.keyPrefix, length: Self.keyLength)
        let hash = Array(SHA256.hash(data: Array(plaintext.utf8)))
        let key = APIKey(
            id: ids.next(), tenant: tenant, name: name, scope: scope, preview: String(plaintext.prefix(12)), hash: hash,
            createdAt: clock.now(), revokedAt: nil)
        try await database.write { store, _ in
            try store.put(.records, Self.keys(tenant).key(key.id), RecordCoding.encode(key))
            try store.put(.indexes, Self.byHash.key(Hex.encode(hash)), tenant.bytes + key.id.bytes)
        }
        return (key, plaintext)
    }

    /// Revokes a key at once; `false` when the tenant has no such key.
    public func revokeKey(_ id: APIKeyID, of tenant: TenantID) async throws -> Bool {
        let now = clock.now()
        return try await database.write { store, _ in
            let recordKey = Self.keys(tenant).key(id)
            guard let bytes = try store.get(.records, recordKey) else { return false }
            var key = try RecordCoding.decode(APIKey.self, from: bytes)
            if key.revokedAt == nil {
                key.revokedAt = now
                try store.put(.records, recordKey, RecordCoding.encode(key))
                try store.delete(.indexes, Self.byHash.key(Hex.encode(key.hash)))
            }
            return true
        }
    }

    public func keys(of tenant: TenantID) throws -> [APIKey] {
        try database.read { store in try store.records(.records, prefix: Self.keys(tenant).prefix) }
    }

    /// The credential a bearer token stands for, or `nil` for any token that is not a live key.
    public func authenticate(_ token: String) throws -> Credential? {
        guard SecretToken.isWellFormed(token, prefix: Self.keyPrefix, length: Self.keyLength) else { return nil }
        let hash = Array(SHA256.hash(data: Array(token.utf8)))
        return try database.read { store in
            guard let pointer = try store.get(.indexes, Self.byHash.key(Hex.encode(hash))),
                pointer.count == 20, let tenant = TenantID(leadingBytes: pointer),
                let keyID = APIKeyID(bytes: pointer.dropFirst(4)),
                let record = try store.get(.records, Self.keys(tenant).key(keyID))
            else { return nil }
            let key = try decodedKeys.decode(record)
            guard key.revokedAt == nil, Self.constantTimeEqual(key.hash, hash),
                let org = try tenants.organization(tenant, in: store)
            else { return nil }
            return Credential(keyID: key.id, scope: key.scope, organization: org)
        }
    }

    public func createSigningSecret(for tenant: TenantID) async throws -> SigningSecret {
        let secret = SigningSecret(
            id: ids.next(), secret: SecretToken.make(prefix: Self.secretPrefix, length: Self.keyLength), createdAt: clock.now(),
            revokedAt: nil)
        try await database.write { store, _ in
            try store.put(.records, Self.secrets(tenant).key(secret.id), RecordCoding.encode(secret))
        }
        return secret
    }

    public func revokeSigningSecret(_ id: SigningSecretID, of tenant: TenantID) async throws -> Bool {
        let now = clock.now()
        return try await database.write { store, _ in
            let key = Self.secrets(tenant).key(id)
            guard let bytes = try store.get(.records, key) else { return false }
            var secret = try RecordCoding.decode(SigningSecret.self, from: bytes)
            if secret.revokedAt == nil {
                secret.revokedAt = now
                try store.put(.records, key, RecordCoding.encode(secret))
            }
            return true
        }
    }

    /// Every signing secret of the tenant, revoked ones included.
    public func signingSecrets(of tenant: TenantID) throws -> [SigningSecret] {
        try database.read { store in try signingSecrets(of: tenant, in: store) }
    }

    private func signingSecrets(of tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> [SigningSecret] {
        try store.records(.records, prefix: Self.secrets(tenant).prefix)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension CredentialStore: SigningSecretDirectory {
    public func activeSigningSecrets(_ tenant: TenantID) throws -> [String] {
        try database.read { store in
            try activeSecrets.value(tenant, in: store.snapshot) {
                try signingSecrets(of: tenant, in: store).filter { $0.revokedAt == nil }.map(\.secret)
            }
        } ?? []
    }
}
