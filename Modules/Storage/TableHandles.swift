import CLMDB
import Kernel

/// The DBI of every named database, opened once at start-up and valid for the life of the environment.
struct TableHandles: Sendable {
    /// A list rather than a dictionary: every read and write looks a table up, and comparing a few short names costs
    /// less than hashing one.
    private let handles: [(table: Table, dbi: MDB_dbi)]

    init(_ handles: [(table: Table, dbi: MDB_dbi)]) { self.handles = handles }

    subscript(table: Table) -> MDB_dbi {
        get throws(StoreError) {
            guard let handle = handles.first(where: { $0.table == table }) else {
                throw StoreError(.engine, message: "table \(table) is not opened; add it to Table.all")
            }
            return handle.dbi
        }
    }
}
