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

    /// Adds every cell's increments to its stored value; a cell summing to nothing is removed.
    func apply(to transaction: Transaction, signals: BatchSignals) throws {
        for (cell, increments) in cells where !increments.isEmpty {
            let stored = try transaction.get(cell.table, cell.key).map { try CounterSet(encoded: $0) } ?? CounterSet()
            let total = stored + increments
            if total.isEmpty {
                _ = try signals.watching { try transaction.delete(cell.table, cell.key) }
            } else {
                _ = try signals.watching { try transaction.put(cell.table, cell.key, total.encoded) }
            }
        }
    }
}
