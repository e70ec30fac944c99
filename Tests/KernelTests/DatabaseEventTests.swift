import Foundation
import Kernel
import Logging
import Synchronization
import TestSupport
import Testing

private struct ThingHappened: DomainEvent {
    static let name = "thing.happened"
    let tenant: TenantID
    let number: UInt64
}

/// Counts events into a rollup key, inside the writer's transaction.
private struct CountingProjector: EventProjector {
    let failOn: UInt64?

    func project(_ event: any DomainEvent, into store: borrowing some StoreWriter & ~Copyable) throws {
        guard let event = event as? ThingHappened else { return }
        if event.number == failOn { throw DomainError(.badRequest, "projection_failed", "refused") }
        let key = Keyspace.tenant(event.tenant, "thing-count").key()
        let count = try store.get(.rollups, key).map { UInt64($0[0]) } ?? 0
        try store.put(.rollups, key, [UInt8(count + 1)])
    }
}

@Suite struct DatabaseEventTests {
    private func record(_ number: UInt64, in database: Database) async throws {
        try await database.write { store, events in
            try store.put(.records, Keyspace.tenant(testTenant(1), "thing").key(number), [1])
            events.record(ThingHappened(tenant: testTenant(1), number: number))
        }
    }

    private func state(_ database: Database) throws -> (things: Int, count: UInt8?) {
        try database.read { store in
            (
                try store.count(.records, prefix: Keyspace.tenant(testTenant(1), "thing").prefix),
                try store.get(.rollups, Keyspace.tenant(testTenant(1), "thing-count").key())?.first
            )
        }
    }

    @Test func projectorsCommitWithTheChangeAndAFailingProjectionRollsItBack() async throws {
        try await withTemporaryDatabase { database, _ in
            database.bus.addProjector(CountingProjector(failOn: 3))
            try await record(1, in: database)
            try await record(2, in: database)
            #expect(try state(database) == (2, 2))
            let error = await domainError { try await record(3, in: database) }
            #expect(error?.code == "projection_failed")
            #expect(try state(database) == (2, 2))
        }
    }

    @Test func subscribersHearCommittedEventsInOrderAndNeverFailedOnes() async throws {
        try await withTemporaryDatabase { database, _ in
            database.bus.addProjector(CountingProjector(failOn: 2))
            let heard = Mutex<[UInt64]>([])
            database.bus.subscribe(to: ThingHappened.self) { event in heard.withLock { $0.append(event.number) } }
            let running = Task { await database.bus.run() }
            try await record(1, in: database)
            _ = await domainError { try await record(2, in: database) }
            try await record(3, in: database)
            database.bus.finish()
            await running.value
            #expect(heard.withLock { $0 } == [1, 3])
        }
    }
}
