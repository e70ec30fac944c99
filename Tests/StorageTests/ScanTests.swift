import Kernel
import Storage
import TestSupport
import Testing

@Suite struct ScanTests {
    let items = Keyspace.tenant(tenant(1), "items")

    private func keys(
        _ store: LMDBStore, _ prefix: StoreKey, after: StoreKey? = nil, reverse: Bool = false, limit: Int = .max
    ) throws -> [StoreKey] {
        try store.read { reader in
            var found: [StoreKey] = []
            try reader.scan(.records, prefix: prefix, after: after, reverse: reverse) { key, _ in
                found.append(key)
                return found.count < limit
            }
            return found
        }
    }

    /// Items 1...9 as UInt64 keys, with neighbours on both sides of the range.
    private func seed(_ store: LMDBStore) async throws {
        let before = Keyspace.tenant(tenant(1), "item")
        let after = Keyspace.tenant(tenant(1), "itemz")
        try await store.write { writer in
            for n in UInt64(1)...9 { try writer.put(.records, items.key(n), [UInt8(n)]) }
            try writer.put(.records, before.key(UInt64(5)), [0])
            try writer.put(.records, after.key(UInt64(5)), [0])
        }
    }

    @Test func forwardScanWithAfter() async throws {
        try await withTemporaryStore { store, _ in
            try await seed(store)
            #expect(try keys(store, items.prefix) == (1...9).map { items.key(UInt64($0)) })
            #expect(try keys(store, items.prefix, after: items.key(UInt64(4))) == (5...9).map { items.key(UInt64($0)) })
            #expect(try keys(store, items.prefix, after: items.key(UInt64(4)), limit: 2) == [items.key(UInt64(5)), items.key(UInt64(6))])
            #expect(try keys(store, items.prefix, after: items.key(UInt64(9))).isEmpty)
            // `after` need not exist: strictly after it in key order.
            #expect(try keys(store, items.prefix, after: items.key(UInt64(4), "x")) == (5...9).map { items.key(UInt64($0)) })
            // `after` below the prefix range starts at the range.
            #expect(try keys(store, items.prefix, after: Keyspace.tenant(tenant(1), "a").prefix).count == 9)
        }
    }

    @Test func reverseScanWithAfter() async throws {
        try await withTemporaryStore { store, _ in
            try await seed(store)
            #expect(try keys(store, items.prefix, reverse: true) == (1...9).reversed().map { items.key(UInt64($0)) })
            #expect(try keys(store, items.prefix, after: items.key(UInt64(6)), reverse: true) == (1...5).reversed().map { items.key(UInt64($0)) })
            #expect(try keys(store, items.prefix, after: items.key(UInt64(6)), reverse: true, limit: 2) == [items.key(UInt64(5)), items.key(UInt64(4))])
            #expect(try keys(store, items.prefix, after: items.key(UInt64(1)), reverse: true).isEmpty)
            // A missing `after` between keys, and one above the whole range.
            #expect(try keys(store, items.prefix, after: items.key(UInt64(6), "x"), reverse: true).first == items.key(UInt64(6)))
            #expect(try keys(store, items.prefix, after: Keyspace.tenant(tenant(2), "a").prefix, reverse: true).count == 9)
        }
    }

    @Test func reverseScanOfTheLastRangeInTheTable() async throws {
        try await withTemporaryStore { store, _ in
            let last = Keyspace.tenant(TenantID(number: .max)!, "z")
            try await store.write { writer in
                for n in UInt64(1)...3 { try writer.put(.records, last.key(n), []) }
            }
            // Nothing sorts after the range, so the scan starts from MDB_LAST.
            #expect(try keys(store, last.prefix, reverse: true) == [3, 2, 1].map { last.key(UInt64($0)) })
            #expect(try keys(store, last.prefix, after: last.key(UInt64(3)), reverse: true) == [2, 1].map { last.key(UInt64($0)) })
        }
    }

    @Test func emptyTableAndEmptyRange() async throws {
        try await withTemporaryStore { store, _ in
            #expect(try keys(store, items.prefix).isEmpty)
            #expect(try keys(store, items.prefix, reverse: true).isEmpty)
            try await seed(store)
            let other = Keyspace.tenant(tenant(1), "items-but-not")
            #expect(try keys(store, other.prefix).isEmpty)
            #expect(try keys(store, other.prefix, reverse: true).isEmpty)
        }
    }

    @Test func tenantRangesAreIsolated() async throws {
        try await withTemporaryStore { store, _ in
            for number: UInt32 in [1, 10, 256] {
                let space = Keyspace.tenant(tenant(number), "programs")
                try await store.write { writer in
                    for n in UInt64(0)..<5 { try writer.put(.records, space.key(n), bytes("t\(number)")) }
                }
            }
            for number: UInt32 in [1, 10, 256] {
                let space = Keyspace.tenant(tenant(number), "programs")
                for reverse in [false, true] {
                    let values = try store.read { reader in
                        var values: [[UInt8]] = []
                        try reader.scan(.records, prefix: space.prefix, after: nil, reverse: reverse) { _, value in
                            values.append(value)
                            return true
                        }
                        return values
                    }
                    #expect(values == Array(repeating: bytes("t\(number)"), count: 5))
                }
                let whole = Keyspace.wholeTenant(tenant(number))
                #expect(try keys(store, whole).allSatisfy { $0.hasPrefix(whole) })
                #expect(try keys(store, whole).count == 5)
                #expect(try keys(store, whole, reverse: true).count == 5)
            }
        }
    }

    @Test func collectionNamesDoNotRunIntoLongerOnes() async throws {
        try await withTemporaryStore { store, _ in
            let program = Keyspace.tenant(tenant(1), "program")
            let programs = Keyspace.tenant(tenant(1), "programs")
            try await store.write { writer in
                try writer.put(.records, program.key("a"), bytes("program"))
                try writer.put(.records, programs.key("a"), bytes("programs"))
                try writer.put(.records, programs.key("b"), bytes("programs"))
            }
            #expect(try keys(store, program.prefix) == [program.key("a")])
            #expect(try keys(store, program.prefix, reverse: true) == [program.key("a")])
            #expect(try keys(store, programs.prefix).count == 2)
            // String components are terminated too: "ab" is not under "a".
            try await store.write { writer in try writer.put(.records, program.key("ab"), bytes("x")) }
            #expect(try keys(store, program.key("a")) == [program.key("a")])
        }
    }

    @Test func inPlaceScanLendsTheSameKeysAndValues() async throws {
        try await withTemporaryStore { store, _ in
            try await seed(store)
            let (copied, lent) = try store.read { reader in
                var copied: [(StoreKey, [UInt8])] = []
                var lent: [(StoreKey, [UInt8])] = []
                try reader.scan(.records, prefix: items.prefix) { key, value in
                    copied.append((key, value))
                    return true
                }
                try reader.scanInPlace(.records, prefix: items.prefix) { key, value in
                    lent.append((StoreKey(bytes: Array(key)), Array(value)))
                    return lent.count < 4
                }
                return (copied, lent)
            }
            #expect(copied.count == 9 && lent.count == 4)
            #expect(lent.elementsEqual(copied.prefix(4)) { $0.0 == $1.0 && $0.1 == $1.1 })
        }
    }

    @Test func countUsesTheScan() async throws {
        try await withTemporaryStore { store, _ in
            try await seed(store)
            #expect(try store.read { try $0.count(.records, prefix: items.prefix) } == 9)
        }
    }
}
