import Foundation
import Kernel
import Storage
import Synchronization
import TestSupport
import Testing

/// A `SnapshotCache` over real LMDB: what it keeps, and the writes that make it read again.
@Suite struct SnapshotCacheTests {
    let programs = Keyspace.tenant(tenant(1), "program")
    let otherTenantsPrograms = Keyspace.tenant(tenant(2), "program")
    let clicks = Keyspace.tenant(tenant(1), "click")

    /// A cache of one record's bytes that counts how often it had to read the store.
    final class Probe: Sendable {
        let cache: SnapshotCache<String, [UInt8]>
        let loads = Atomic<Int>(0)

        init(_ store: LMDBStore) { cache = SnapshotCache(watching: [(.records, "program")], in: store) }

        func value(_ key: StoreKey, in reader: borrowing some StoreReader & ~Copyable) throws -> [UInt8]? {
            try cache.value("p1", in: reader.snapshot) {
                loads.add(1, ordering: .relaxed)
                return try reader.get(.records, key)
            }
        }

        func value(_ key: StoreKey, in store: LMDBStore) throws -> [UInt8]? { try store.read { try value(key, in: $0) } }
    }

    @Test func aValueIsReadAgainOnlyAfterAWriteIntoItsCollections() async throws {
        try await withTemporaryStore { store, _ throws in
            let probe = Probe(store)
            let key = programs.key("p1")
            #expect(try probe.value(key, in: store) == nil)
            #expect(try probe.value(key, in: store) == nil)
            #expect(probe.loads.load(ordering: .relaxed) == 1, "an absent record is kept too")

            try await store.write { try $0.put(.records, key, bytes("one")) }
            #expect(try probe.value(key, in: store) == bytes("one"))
            try await store.write { try $0.put(.records, clicks.key("c1"), bytes("click")) }
            try await store.write { try $0.put(.indexes, programs.key("p1"), bytes("same name, other table")) }
            #expect(try probe.value(key, in: store) == bytes("one"))
            #expect(probe.loads.load(ordering: .relaxed) == 2, "writes outside the watched collections keep the value")

            // Any tenant's program counts, and deleting does as much as putting.
            try await store.write { try $0.put(.records, otherTenantsPrograms.key("p9"), bytes("other")) }
            #expect(try probe.value(key, in: store) == bytes("one"))
            try await store.write { try $0.delete(.records, key) }
            #expect(try probe.value(key, in: store) == nil)
            #expect(probe.loads.load(ordering: .relaxed) == 4)
        }
    }

    /// A write sees its own uncommitted changes, which may yet be rolled back: nothing it reads is kept.
    @Test func valuesReadInsideAWriteAreNotKept() async throws {
        try await withTemporaryStore { store, _ throws in
            let probe = Probe(store)
            let key = programs.key("p1")
            let failed = await #expect(throws: ExpectedFailure.self) {
                try await store.write { writer in
                    try writer.put(.records, key, bytes("rolled back"))
                    let seen = try probe.value(key, in: writer)
                    #expect(seen == bytes("rolled back"))
                    throw ExpectedFailure(id: 1)
                }
            }
            #expect(failed != nil)
            // The failed body ran again on its own, as a failing write in a batch does.
            let inWrites = probe.loads.load(ordering: .relaxed)
            #expect(try probe.value(key, in: store) == nil)
            #expect(probe.loads.load(ordering: .relaxed) == inWrites + 1)
        }
    }

    /// A reader that began before a change reads the old value, and must not leave it for readers after the change.
    @Test func aReaderOlderThanAChangeLeavesNothingBehind() async throws {
        try await withTemporaryStore { store, _ throws in
            let probe = Probe(store)
            let key = programs.key("p1")
            try await store.write { try $0.put(.records, key, bytes("old")) }
            let changed = DispatchSemaphore(value: 0)
            try store.read { reader in
                Task.detached { [programs] in
                    try await store.write { try $0.put(.records, programs.key("p1"), bytes("new")) }
                    changed.signal()
                }
                changed.wait()
                let seen = try probe.value(key, in: reader)
                #expect(seen == bytes("old"))
            }
            #expect(try probe.value(key, in: store) == bytes("new"))
        }
    }
}
