import Foundation
import Kernel
import Storage
import TestSupport
import Testing

@Suite struct PersistenceTests {
    let notes = Keyspace.tenant(tenant(5), "notes")

    @Test func dataSurvivesCloseAndReopen() async throws {
        try await withTemporaryDirectory { path in
            let first = try LMDBStore(path: path)
            try await first.write { writer in
                for n in UInt64(0)..<100 { try writer.put(.records, notes.key(n), bytes("note \(n)")) }
                try writer.put(.indexes, notes.key("by-name"), bytes("idx"))
            }
            await first.shutdown()

            let second = try LMDBStore(path: path)
            #expect(try second.read { try $0.count(.records, prefix: notes.prefix) } == 100)
            #expect(try second.read { try $0.get(.records, notes.key(UInt64(42))) } == bytes("note 42"))
            #expect(try second.read { try $0.get(.indexes, notes.key("by-name")) } == bytes("idx"))
            await second.shutdown()
        }
    }

    @Test func grownMapIsKeptOnReopen() async throws {
        try await withTemporaryDirectory { path in
            let first = try LMDBStore(path: path, initialMapSize: 1 << 20)
            try await first.write { try $0.put(.records, notes.key(UInt64(1)), Array(repeating: 1, count: 3 << 20)) }
            await first.shutdown()

            let second = try LMDBStore(path: path, initialMapSize: 1 << 20)
            #expect(second.environment.mapSize > 3 << 20)
            #expect(try second.read { try $0.get(.records, notes.key(UInt64(1))) }?.count == 3 << 20)
            await second.shutdown()
        }
    }

    @Test func backupIsACompactedConsistentCopy() async throws {
        try await withTemporaryStore { store, path in
            try await store.write { writer in
                for n in UInt64(0)..<50 { try writer.put(.records, notes.key(n), bytes("note \(n)")) }
            }
            let copy = path + "-backup"
            defer { try? FileManager.default.removeItem(atPath: copy) }
            try store.backup(to: copy)
            // A second backup into the same directory must not overwrite the first.
            #expect(throws: StoreError.self) { try store.backup(to: copy) }

            let restored = try LMDBStore(path: copy)
            #expect(try restored.read { try $0.count(.records, prefix: notes.prefix) } == 50)
            await restored.shutdown()
        }
    }
}
