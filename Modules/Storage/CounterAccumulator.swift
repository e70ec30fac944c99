import Foundation
import Kernel

/// The counter increments (`StoreWriter.add`) of one write body, or of a whole batch. A body's increments join the
/// batch's only once the body succeeded; the batch's are applied once per cell just before its commit.
/// Used only on the writer thread.
final class CounterAccumulator {
    private struct Cell: Hashable {
        let table: Table
        let key: StoreKey
    }

    private var cells: [Cell: CounterSet] = [:]

    var isEmpty: Bool { cells.isEmpty }

    func add(_ table: Table, _ key: StoreKey, _ counters: CounterSet) {
        cells[Cell(table: table, key: key), default: CounterSet()].add(counters)
    }

    /// Takes over `other`'s increments, leaving it empty.
    func absorb(_ other: CounterAccumulator) {
        if cells.isEmpty {
            swap(&cells, &other.cells)
            return
        }
        for (cell, counters) in other.cells { cells[cell, default: CounterSet()].add(counters) }
        other.cells.removeAll(keepingCapacity: true)
    }

    func discard() { cells.removeAll(keepingCapacity: true) }

    /// Adds every cell's increments to its stored value, table by table in key order (see `addCounters`).
    func apply(to transaction: Transaction, signals: BatchSignals) throws {
        let byTable = Dictionary(grouping: cells, by: \.key.table)
        for (table, tableCells) in byTable {
            let sorted = tableCells.map { (key: $0.key.key, increments: $0.value) }.sorted { Self.precedes($0.key, $1.key) }
            try signals.watching { try transaction.addCounters(table, sorted) }
        }
    }

    /// Byte order, compared with `memcmp`: keys share long prefixes, which a generic element-wise comparison walks slowly.
    private static func precedes(_ a: StoreKey, _ b: StoreKey) -> Bool {
        a.bytes.withUnsafeBytes { a in
            b.bytes.withUnsafeBytes { b in
                let order = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}
