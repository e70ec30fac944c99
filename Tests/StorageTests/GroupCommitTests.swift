import Kernel
import Storage
import TestSupport
import Testing

@Suite struct GroupCommitTests {
    let entries = Keyspace.tenant(tenant(3), "entries")

    @Test func manyConcurrentWritersShareCommits() async throws {
        try await withTemporaryStore { store, _ in
            let count = 2_000
            let before = store.committedBatches
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<count {
                    group.addTask {
                        try await store.write { try $0.put(.records, entries.key(UInt64(n)), bytes("v\(n)")) }
                    }
                }
                try await group.waitForAll()
            }
            let batches = store.committedBatches - before
            print("group commit: \(count) writes in \(batches) commits (\(Double(count) / Double(batches)) writes per commit)")
            #expect(batches < count / 10)
            #expect(store.committedWrites == count)
            try store.read { reader throws in
                for n in 0..<count { #expect(try reader.get(.records, entries.key(UInt64(n))) == bytes("v\(n)")) }
            }
            #expect(try store.read { try $0.count(.records, prefix: entries.prefix) } == count)
        }
    }

    @Test func aThrowingBodyFailsOnlyItsOwnRequest() async throws {
        try await withTemporaryStore { store, _ in
            let count = 400
            let outcomes = await withTaskGroup(of: (Int, Result<Int, any Error>).self) { group in
                for n in 0..<count {
                    group.addTask {
                        do {
                            let value = try await store.write { writer in
                                // Every seventh body writes, then throws: its write must not survive.
                                try writer.put(.records, entries.key(UInt64(n)), bytes("v\(n)"))
                                if n % 7 == 0 { throw ExpectedFailure(id: n) }
                                return n * 2
                            }
                            return (n, .success(value))
                        } catch {
                            return (n, .failure(error))
                        }
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(store.committedBatches < count / 4, "the failures shared batches with successes")
            try store.read { reader in
                for n in 0..<count {
                    let stored = try reader.get(.records, entries.key(UInt64(n)))
                    switch outcomes[n] {
                    case .success(let value):
                        #expect(n % 7 != 0 && value == n * 2)
                        #expect(stored == bytes("v\(n)"))
                    case .failure(let error):
                        #expect(error as? ExpectedFailure == ExpectedFailure(id: n))
                        #expect(stored == nil)
                    case nil:
                        Issue.record("no outcome for \(n)")
                    }
                }
            }
        }
    }

    @Test func aBodySeesEarlierBodiesOfItsBatch() async throws {
        try await withTemporaryStore { store, _ in
            let counter = Keyspace.tenant(tenant(3), "counter").key("c")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<500 {
                    group.addTask {
                        try await store.write { writer in
                            let current = try writer.get(.records, counter).map { Int($0[0]) << 8 | Int($0[1]) } ?? 0
                            let next = current + 1
                            try writer.put(.records, counter, [UInt8(next >> 8), UInt8(next & 0xFF)])
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try store.read { try $0.get(.records, counter) } == [UInt8(500 >> 8), UInt8(500 & 0xFF)])
        }
    }

    @Test func laterBodiesOfABatchDoNotSeeAFailedBodysWrites() async throws {
        try await withTemporaryStore { store, _ in
            let counter = Keyspace.tenant(tenant(3), "counter").key("c")
            let failures = await withTaskGroup(of: Bool.self) { group in
                for n in 0..<500 {
                    group.addTask {
                        do {
                            try await store.write { writer in
                                // Every fifth body counts, then throws: the bodies after it in its batch must not see
                                // its count once the batch is rerun isolated.
                                let current = try writer.get(.records, counter).map { Int($0[0]) << 8 | Int($0[1]) } ?? 0
                                let next = current + 1
                                try writer.put(.records, counter, [UInt8(next >> 8), UInt8(next & 0xFF)])
                                if n % 5 == 0 { throw ExpectedFailure(id: n) }
                            }
                            return false
                        } catch {
                            return true
                        }
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(failures == 100)
            #expect(store.committedBatches < 125, "the failures shared batches with successes")
            let stored = try store.read { try $0.get(.records, counter) }
            #expect(stored == [UInt8(400 >> 8), UInt8(400 & 0xFF)])
        }
    }

    @Test func shutdownAnswersQueuedWritesFirst() async throws {
        try await withTemporaryDirectory { path in
            let store = try LMDBStore(path: path)
            let writes = Task {
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for n in 0..<300 {
                        group.addTask {
                            do {
                                try await store.write { try $0.put(.records, entries.key(UInt64(n)), []) }
                                return true
                            } catch let error as StoreError where error.code == .closed {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
            }
            try await Task.sleep(for: .milliseconds(5))
            await store.shutdown()
            let acknowledged = try await writes.value
            // Every write is either acknowledged and stored, or refused as closed; none is lost in between.
            let reopened = try LMDBStore(path: path)
            #expect(try reopened.read { try $0.count(.records, prefix: entries.prefix) } == acknowledged)
            await reopened.shutdown()
        }
    }

    /// A deferred write waits for the syncer's fsync; with deferral off, its own commit is fsynced.
    @Test(arguments: [true, false]) func deferralOffSyncsEveryCommit(defers: Bool) async throws {
        try await withTemporaryDirectory { path in
            // The syncer would run only after a minute: until then a deferred commit stays unsynced.
            let store = LMDBStore(environment: try LMDBEnvironment(path: path, initialMapSize: 64 << 20), syncInterval: defers ? .seconds(60) : nil)
            try await store.write(durability: .deferredSync) { try $0.put(.records, entries.key(UInt64(1)), bytes("v")) }
            #expect(store.hasUnsyncedCommits == defers)
            try await store.write { try $0.put(.records, entries.key(UInt64(2)), bytes("v")) }
            #expect(!store.hasUnsyncedCommits)
            await store.shutdown()
        }
    }
}
