import Kernel
import Storage
import TestSupport
import Testing

@Suite struct MapGrowthTests {
    let blobs = Keyspace.tenant(tenant(4), "blobs")

    @Test func mapGrowsWithoutLosingWrites() async throws {
        try await withTemporaryStore(initialMapSize: 1 << 20) { store, _ in
            let initial = store.environment.mapSize
            #expect(initial == 1 << 20)
            // 20 MB in 400 concurrent writes of 50 kB: several batches hit MDB_MAP_FULL and are rerun.
            let count = 400
            @Sendable func value(_ n: Int) -> [UInt8] { Array(repeating: UInt8(truncatingIfNeeded: n), count: 50_000) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<count {
                    group.addTask { try await store.write { try $0.put(.records, blobs.key(UInt64(n)), value(n)) } }
                }
                try await group.waitForAll()
            }
            #expect(store.environment.mapSize >= 20_000_000)
            #expect(store.committedWrites == count)
            try store.read { reader throws in
                for n in 0..<count { #expect(try reader.get(.records, blobs.key(UInt64(n))) == value(n)) }
            }
        }
    }

    @Test func mapGrowsEvenWhenABodySwallowsTheError() async throws {
        try await withTemporaryStore(initialMapSize: 1 << 20) { store, _ in
            let stored = try await store.write { writer in
                do {
                    try writer.put(.records, blobs.key(UInt64(1)), Array(repeating: 9, count: 2 << 20))
                    return true
                } catch {
                    return false
                }
            }
            // The first run hit the full map and was rerun on a bigger one; only the rerun's answer is returned.
            #expect(stored)
            #expect(try store.read { try $0.get(.records, blobs.key(UInt64(1))) }?.count == 2 << 20)
        }
    }

    @Test func writeTooLargeForTheMaximumFailsAlone() async throws {
        try await withTemporaryDirectory { path in
            let environment = try LMDBEnvironment(path: path, initialMapSize: 1 << 20, maxMapSize: 4 << 20)
            let store = LMDBStore(environment: environment)
            let small = Task { try await store.write { try $0.put(.records, blobs.key(UInt64(1)), [1]) } }
            let error = await #expect(throws: StoreError.self) {
                try await store.write { try $0.put(.records, blobs.key(UInt64(2)), Array(repeating: 0, count: 8 << 20)) }
            }
            #expect(error?.code == .mapFull)
            try await small.value
            #expect(try store.read { try $0.get(.records, blobs.key(UInt64(1))) } == [1])
            #expect(store.environment.mapSize == 4 << 20)
            await store.shutdown()
        }
    }
}
