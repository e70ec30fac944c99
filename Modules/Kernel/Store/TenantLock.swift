public import Foundation

/// A named, per-tenant lock kept in the store, so it holds across processes and nodes. A holder that dies leaves
/// the lock behind; after `lease` seconds it counts as abandoned and may be taken again.
public struct TenantLock: Sendable {
    let name: String
    let lease: TimeInterval
    let database: Database
    let clock: any WallClock

    public init(name: String, lease: TimeInterval, database: Database, clock: any WallClock) {
        self.name = name
        self.lease = lease
        self.database = database
        self.clock = clock
    }

    /// Runs `body` holding the lock; `busy` is thrown when another holder has it.
    public func withLock<T: Sendable>(_ tenant: TenantID, busy: DomainError, _ body: () async throws -> T) async throws -> T {
        let key = Keyspace.tenant(tenant, "lock").key(name)
        let now = clock.now()
        let token = UUID()
        let lease = self.lease
        try await database.write { store, _ in
            if let held = try store.get(.records, key).map({ try RecordCoding.decode(Holder.self, from: $0) }),
                now.timeIntervalSince(held.since) < lease
            {
                throw busy
            }
            try store.put(.records, key, RecordCoding.encode(Holder(token: token, since: now)))
        }
        do {
            let result = try await body()
            try await release(key, token)
            return result
        } catch {
            try? await release(key, token)
            throw error
        }
    }

    private func release(_ key: StoreKey, _ token: UUID) async throws {
        try await database.write { store, _ in
            if try store.get(.records, key).map({ try RecordCoding.decode(Holder.self, from: $0).token }) == token {
                try store.delete(.records, key)
            }
        }
    }

    private struct Holder: Codable {
        let token: UUID
        let since: Date
    }
}
