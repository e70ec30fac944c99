import Kernel
import Storage
import TestSupport
import Testing

/// `StoreWriter.add`: counter increments summed per batch, applied once per cell at the commit.
@Suite struct CounterTests {
    let cells = Keyspace.tenant(tenant(4), "cells")

    @Test func concurrentIncrementsOfOneCellAllCountAndFailedBodiesAddNothing() async throws {
        try await withTemporaryStore { store, _ in
            let count = 1_000
            await withTaskGroup(of: Void.self) { group in
                for n in 0..<count {
                    group.addTask {
                        _ = try? await store.write { writer in
                            try writer.add(.rollups, cells.key("total"), CounterSet(1, 1))
                            try writer.add(.rollups, cells.key("per", UInt64(n % 10)), CounterSet(UInt32(n % 3), Int64(n)))
                            // Every ninth body fails after adding: its increments must vanish with it.
                            if n % 9 == 0 { throw ExpectedFailure(id: n) }
                        }
                    }
                }
            }
            let failed = (0..<count).filter { $0 % 9 == 0 }
            try store.read { reader throws in
                let total = try CounterSet(encoded: try #require(try reader.get(.rollups, cells.key("total"))))
                #expect(total[1] == Int64(count - failed.count))
                for bucket in 0..<10 {
                    var expected = CounterSet()
                    for n in stride(from: bucket, to: count, by: 10) where n % 9 != 0 { expected.add(UInt32(n % 3), Int64(n)) }
                    #expect(try reader.get(.rollups, cells.key("per", UInt64(bucket))).map { try CounterSet(encoded: $0) } == expected)
                }
            }
            #expect(store.committedBatches < count / 5)
        }
    }

    @Test func aCellThatSumsToNothingIsRemoved() async throws {
        try await withTemporaryStore { store, _ in
            try await store.write { try $0.add(.rollups, cells.key("x"), CounterSet(2, 5)) }
            try await store.write { writer in
                try writer.add(.rollups, cells.key("x"), CounterSet(2, -5))
                // Not visible inside the transaction that adds it.
                #expect(try CounterSet(encoded: try #require(try writer.get(.rollups, cells.key("x"))))[2] == 5)
            }
            #expect(try store.read { try $0.get(.rollups, cells.key("x")) } == nil)
        }
    }

    @Test func addNowAppliesSortedCellsAtOnceAlongsideBatchedIncrements() async throws {
        try await withTemporaryStore { store, _ in
            try await store.write { try $0.add(.rollups, cells.key("a"), CounterSet(1, 3)) }
            let changes = [(cells.key("b"), CounterSet(1, 2)), (cells.key("a"), CounterSet(1, -3)), (cells.key("c"), CounterSet(4, 1))]
                .map { (key: $0.0, increments: $0.1) }.sorted(byKey: \.key)
            #expect(changes.map(\.key) == [cells.key("a"), cells.key("b"), cells.key("c")])
            try await store.write { writer in
                try writer.add(.rollups, cells.key("b"), CounterSet(1, 5))
                try writer.addNow(.rollups, changes)
                // Seen at once, unlike `add`; "a" summed to nothing and is gone.
                #expect(try writer.get(.rollups, cells.key("a")) == nil)
                #expect(try CounterSet(encoded: try #require(try writer.get(.rollups, cells.key("b"))))[1] == 2)
            }
            try store.read { reader throws in
                #expect(try CounterSet(encoded: try #require(try reader.get(.rollups, cells.key("b"))))[1] == 7)
                #expect(try CounterSet(encoded: try #require(try reader.get(.rollups, cells.key("c"))))[4] == 1)
            }
        }
    }
}
