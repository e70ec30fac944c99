import Foundation
public import Kernel

/// A tenant's passthrough referrers. Domains are unique per tenant (409 `domain_already_exists`).
public struct PassthroughReferrerService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    private static func records(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "passthrough") }
    private static func domains(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "passthrough-domain") }
    private static func sequence(_ tenant: TenantID) -> StoreKey { Keyspace.tenant(tenant, "passthrough-sequence").key() }

    /// All of the tenant's referrers (active ones only unless asked), oldest first.
    public func all(_ tenant: TenantID, includeInactive: Bool) throws -> [PassthroughReferrer] {
        try database.read { store in
            var referrers: [PassthroughReferrer] = []
            try store.scan(.records, prefix: Self.records(tenant).prefix) { _, value in
                let referrer = try RecordCoding.decode(PassthroughReferrer.self, from: value)
                if includeInactive || referrer.isActive { referrers.append(referrer) }
                return true
            }
            return referrers
        }
    }

    public func referrer(_ tenant: TenantID, _ id: UInt64) throws -> PassthroughReferrer? {
        try database.read { store in try Self.load(tenant, id, in: store) }
    }

    /// The active rule for a visitor's referrer host: the domain itself or any parent domain of it.
    public func match(_ tenant: TenantID, host: String, in store: borrowing some StoreReader & ~Copyable) throws -> PassthroughReferrer? {
        // The sequence is written with a tenant's first rule: without it there is no rule, and every click of the
        // many tenants that have none skips probing each parent domain of its referrer.
        guard try store.get(.indexes, Self.sequence(tenant)) != nil else { return nil }
        var candidate = host.lowercased()
        let domains = Self.domains(tenant)
        // The byte test, not Foundation's substring search that `contains(".")` resolves to.
        while candidate.utf8.contains(UInt8(ascii: ".")) {
            if let id = try store.get(.indexes, domains.key(candidate)).map(UInt64.init(bigEndianBytes:)),
                let referrer = try Self.load(tenant, id, in: store), referrer.isActive
            {
                return referrer
            }
            candidate = String(candidate.drop { $0 != "." }.dropFirst())
        }
        return nil
    }

    public func create(_ tenant: TenantID, _ changes: PassthroughChanges) async throws -> PassthroughReferrer {
        let domain = try FieldReader.required(changes.domain, "domain")
        let source = try FieldReader.required(changes.utmSource, "utm_source")
        let now = clock.now()
        return try await database.write { store, _ in
            let id = (try store.get(.indexes, Self.sequence(tenant)).map(UInt64.init(bigEndianBytes:)) ?? 0) + 1
            var referrer = PassthroughReferrer(
                id: id, domain: domain, utmSource: source, utmMedium: "passthrough", utmCampaign: "", utmTerm: "", serviceName: nil,
                isActive: true, createdAt: now, updatedAt: now)
            changes.apply(to: &referrer)
            try Self.claim(referrer.domain, for: id, tenant, in: store)
            try store.put(.indexes, Self.sequence(tenant), id.bigEndianBytes)
            try store.put(.records, Self.records(tenant).key(id), RecordCoding.encode(referrer))
            return referrer
        }
    }

    public func update(_ tenant: TenantID, _ id: UInt64, _ changes: PassthroughChanges) async throws -> PassthroughReferrer {
        let now = clock.now()
        return try await database.write { store, _ in
            guard let current = try Self.load(tenant, id, in: store) else { throw DomainError.notFound("Passthrough referrer") }
            var referrer = current
            changes.apply(to: &referrer)
            referrer.updatedAt = now
            if referrer.domain != current.domain {
                try Self.claim(referrer.domain, for: id, tenant, in: store)
                try store.delete(.indexes, Self.domains(tenant).key(current.domain))
            }
            try store.put(.records, Self.records(tenant).key(id), RecordCoding.encode(referrer))
            return referrer
        }
    }

    public func delete(_ tenant: TenantID, _ id: UInt64) async throws {
        try await database.write { store, _ in
            guard let referrer = try Self.load(tenant, id, in: store) else { throw DomainError.notFound("Passthrough referrer") }
            try store.delete(.indexes, Self.domains(tenant).key(referrer.domain))
            try store.delete(.records, Self.records(tenant).key(id))
        }
    }

    private static func load(_ tenant: TenantID, _ id: UInt64, in store: borrowing some StoreReader & ~Copyable) throws -> PassthroughReferrer? {
        try store.get(.records, records(tenant).key(id)).map { try RecordCoding.decode(PassthroughReferrer.self, from: $0) }
    }

    private static func claim(_ domain: String, for id: UInt64, _ tenant: TenantID, in store: borrowing some StoreWriter & ~Copyable) throws {
        guard try store.insert(.indexes, domains(tenant).key(domain), id.bigEndianBytes) else {
            throw DomainError.conflict("domain_already_exists", "A passthrough referrer for \(domain) already exists", field: "domain")
        }
    }
}

extension UInt64 {
    var bigEndianBytes: [UInt8] { withUnsafeBytes(of: bigEndian) { Array($0) } }

    init(bigEndianBytes bytes: [UInt8]) {
        self = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
