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
                // Most cells a batch touches are new. Offered the increments as the value, LMDB inserts them in the
                // same search that finds whether the key exists, and points `stored` at the stored bytes when it does.
                var stored = MDB_val()
                let found = try increments.withEncodedSum(adding: nil) { encoded -> Bool in
                    guard let encoded else { return false }
                    stored = MDB_val(lending: encoded)
                    let inserted = mdb_cursor_put(cursor, &key, &stored, UInt32(MDB_NOOVERWRITE))
                    guard inserted == MDB_KEYEXIST else { try check(inserted); return false }
                    return true
                }
                guard found else { return }
                // The cursor is on the stored cell. The sum is worked out from its bytes in place, before the put
                // moves anything.
                try increments.withEncodedSum(adding: stored.buffer) { sum in
                    guard let sum else { return try check(mdb_cursor_del(cursor, 0)) }
                    var total = MDB_val(lending: sum)
                    try check(mdb_cursor_put(cursor, &key, &total, UInt32(MDB_CURRENT)))
                }
            }
        }
    }
}
