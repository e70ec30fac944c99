import Foundation
import Kernel
import Storage
import TestSupport
import Testing

/// The data file runs ahead of LMDB's last page (`SinglePageRoom`), and LMDB takes the longer file as its own.
@Suite struct SinglePageRoomTests {
    let notes = Keyspace.tenant(tenant(6), "notes")

    @Test func theFileRunsAheadOfTheLastPageAndReopens() async throws {
        try await withTemporaryDirectory { path in
            let store = LMDBStore(environment: try LMDBEnvironment(path: path, initialMapSize: 64 << 20), syncInterval: .milliseconds(10))
            for n in UInt64(0)..<40 {
                try await store.write { try $0.put(.records, notes.key(n), Array(repeating: UInt8(n), count: 100_000)) }
            }
            func fileSize() throws -> Int { try FileManager.default.attributesOfItem(atPath: path + "/data.mdb")[.size] as? Int ?? 0 }
            // About 4 MB used: a stretch of 1 MB, added while less than half of it is left.
            let wanted = store.environment.usedSize + (512 << 10)
            for _ in 0..<300 where try fileSize() < wanted { try await Task.sleep(for: .milliseconds(10)) }
            #expect(try fileSize() >= wanted)
            #expect(try fileSize() <= store.environment.mapSize)
            await store.shutdown()

            let reopened = try LMDBStore(path: path)
            #expect(try reopened.read { try $0.count(.records, prefix: notes.prefix) } == 40)
            try await reopened.write { try $0.put(.records, notes.key(UInt64(99)), Array(repeating: 7, count: 2 << 20)) }
            #expect(try reopened.read { try $0.get(.records, notes.key(UInt64(99))) }?.count == 2 << 20)
            await reopened.shutdown()
        }
    }
}
