import Kernel
import Storage
import TestSupport
import Testing

@Suite struct BasicOperationTests {
    let programs = Keyspace.tenant(tenant(1), "programs")

    @Test func putGetDelete() async throws {
        try await withTemporaryStore { store, _ in
            let key = programs.key("p1")
            try await store.write { try $0.put(.records, key, bytes("one")) }
            #expect(try store.read { try $0.get(.records, key) } == bytes("one"))
            // Tables are separate databases: the same key elsewhere is absent.
            #expect(try store.read { try $0.get(.indexes, key) } == nil)

            try await store.write { try $0.put(.records, key, bytes("two")) }
            #expect(try store.read { try $0.get(.records, key) } == bytes("two"))

            #expect(try await store.write { try $0.delete(.records, key) } == true)
            #expect(try await store.write { try $0.delete(.records, key) } == false)
            #expect(try store.read { try $0.get(.records, key) } == nil)
        }
    }

    @Test func insertOnlyWhenAbsent() async throws {
        try await withTemporaryStore { store, _ throws in
            let key = programs.key("p1")
            #expect(try await store.write { try $0.insert(.records, key, bytes("first")) } == true)
            #expect(try await store.write { try $0.insert(.records, key, bytes("second")) } == false)
            #expect(try store.read { try $0.get(.records, key) } == bytes("first"))
        }
    }

    @Test func writeBodySeesItsOwnChangesAndReturnsAValue() async throws {
        try await withTemporaryStore { store, _ in
            let value = try await store.write { writer in
                try writer.put(.records, programs.key("a"), bytes("1"))
                try writer.put(.records, programs.key("b"), bytes("2"))
                return try writer.count(.records, prefix: programs.prefix)
            }
            #expect(value == 2)
        }
    }

    @Test func emptyValuesRoundTrip() async throws {
        try await withTemporaryStore { store, _ in
            try await store.write { try $0.put(.records, programs.key("empty"), []) }
            #expect(try store.read { try $0.get(.records, programs.key("empty")) } == [])
        }
    }

    @Test func keyLongerThan511BytesCannotBeWrittenAndIsNeverFound() async throws {
        try await withTemporaryStore { store, _ in
            let long = programs.key(String(repeating: "k", count: 600))
            let writeError = await #expect(throws: StoreError.self) {
                try await store.write { try $0.put(.records, long, bytes("v")) }
            }
            #expect(writeError?.code == .keyTooLong)
            // Such keys come from clients' paths and queries: looking one up is an ordinary miss.
            #expect(try store.read { try $0.get(.records, long) } == nil)
            #expect(try await store.write { try $0.delete(.records, long) } == false)
            var visited = 0
            try store.read { try $0.scan(.records, prefix: long) { _, _ in visited += 1; return true } }
            #expect(visited == 0)

            // 511 bytes is still fine.
            let longest = StoreKey(bytes: programs.prefix.bytes + Array(repeating: 7, count: 511 - programs.prefix.bytes.count))
            try await store.write { try $0.put(.records, longest, bytes("v")) }
            #expect(try store.read { try $0.get(.records, longest) } == bytes("v"))
        }
    }

    @Test func nestedReadsDoNotDeadlock() async throws {
        try await withTemporaryStore { store, _ in
            try await store.write { try $0.put(.records, programs.key("a"), bytes("1")) }
            let inner = try store.read { _ in try store.read { try $0.get(.records, programs.key("a")) } }
            #expect(inner == bytes("1"))
        }
    }

    @Test func closedStoreRefusesReadsAndWrites() async throws {
        try await withTemporaryDirectory { path in
            let store = try LMDBStore(path: path)
            try await store.write { try $0.put(.records, programs.key("a"), bytes("1")) }
            await store.shutdown()
            let writeError = await #expect(throws: StoreError.self) {
                try await store.write { try $0.put(.records, programs.key("b"), bytes("2")) }
            }
            #expect(writeError?.code == .closed)
            let readError = #expect(throws: StoreError.self) { try store.read { try $0.get(.records, programs.key("a")) } }
            #expect(readError?.code == .closed)
        }
    }
}
