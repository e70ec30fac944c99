import CLMDB
import Kernel

/// The DBI of every named database, opened once at start-up and valid for the life of the environment.
struct TableHandles: Sendable {
    private let handles: [Table: MDB_dbi]

    init(_ handles: [Table: MDB_dbi]) { self.handles = handles }

    subscript(table: Table) -> MDB_dbi {
        get throws(StoreError) {
            guard let dbi = handles[table] else {
                throw StoreError(.engine, message: "table \(table) is not opened; add it to Table.all")
            }
            return dbi
        }
    }
}
