import CLMDB
import Kernel

extension Transaction {
    /// Adds increments to counter cells through one cursor, in key order: LMDB finds a key on the cursor's current
    /// leaf page without descending from the root, and sorted cells mostly share pages, so a batch's hundreds of
    /// read-modify-writes cost little more than its distinct pages. A cell that sums to nothing is deleted.
    func addCounters(_ table: Table, _ cells: [(key: StoreKey, increments: CounterSet)]) throws {
        let dbi = try tables[table]
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn, dbi, &cursor))
        defer { mdb_cursor_close(cursor) }
        for (key, increments) in cells where !increments.isEmpty {
            try withKey(key, maxSize: maxKeySize) { key in
                var value = MDB_val()
                // The lookup points its key at LMDB's page; the put must read ours, because a value of another size is
                // written by deleting the old node first.
                var lookup = key
                let found = mdb_cursor_get(cursor, &lookup, &value, MDB_SET_KEY)
                guard found == MDB_SUCCESS || found == MDB_NOTFOUND else { return try check(found) }
                // The sum is worked out from the stored bytes in place, before the put moves anything.
                try increments.withEncodedSum(adding: found == MDB_SUCCESS ? value.buffer : nil) { sum in
                    guard let sum else {
                        if found == MDB_SUCCESS { try check(mdb_cursor_del(cursor, 0)) }
                        return
                    }
                    var total = MDB_val(mv_size: sum.count, mv_data: UnsafeMutableRawPointer(mutating: sum.baseAddress))
                    try check(mdb_cursor_put(cursor, &key, &total, found == MDB_SUCCESS ? UInt32(MDB_CURRENT) : 0))
                }
            }
        }
    }
}
