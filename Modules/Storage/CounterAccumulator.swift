import Kernel

/// The counter increments (`StoreWriter.add`) of one write body, or of a whole batch. A body's increments join the
/// batch's only once the body succeeded; the batch's are applied once per cell just before its commit.
/// Used only on the writer thread.
final class CounterAccumulator {
    /// Per table, found by comparing names: there are one or two, and hashing a table's name for every increment
    /// cost more than the cell's own key.
    private var tables: [(table: Table, cells: [StoreKey: CounterSet])] = []

    var isEmpty: Bool { tables.allSatisfy { $0.cells.isEmpty } }

    func add(_ table: Table, _ key: StoreKey, _ counters: CounterSet) {
        let index = tables.firstIndex { $0.table == table } ?? {
            // Room for a busy batch's cells from the start, rather than regrowing the dictionary as they come.
            var cells: [StoreKey: CounterSet] = [:]
            cells.reserveCapacity(1_024)
            tables.append((table, cells))
            return tables.count - 1
        }()
        tables[index].cells[key, default: CounterSet()].add(counters)
    }

    /// Takes over `other`'s increments, leaving it empty.
    func absorb(_ other: CounterAccumulator) {
        if isEmpty {
            swap(&tables, &other.tables)
        } else {
            for (table, cells) in other.tables {
                for (key, counters) in cells { add(table, key, counters) }
            }
        }
        other.discard()
    }

    func discard() {
        for index in tables.indices { tables[index].cells.removeAll(keepingCapacity: true) }
    }

    /// Adds every cell's increments to its stored value, table by table in key order (see `addCounters`).
    func apply(to transaction: Transaction, signals: BatchSignals) throws {
        for (table, cells) in tables where !cells.isEmpty {
            let sorted = cells.map { (key: $0.key, increments: $0.value) }.sorted(byKey: \.key)
            try signals.watching { try transaction.addCounters(table, sorted) }
        }
    }
}
