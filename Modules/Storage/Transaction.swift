import CLMDB
import Kernel

/// The operations on one open transaction, shared by the read and write views. Internal and only ever held by a
/// `~Copyable` view, so the handle cannot outlive the closure it was lent to.
struct Transaction {
    let txn: OpaquePointer
    let tables: TableHandles
    let maxKeySize: Int

    init(_ txn: OpaquePointer, _ environment: LMDBEnvironment) {
        self.txn = txn
        tables = environment.tables
        maxKeySize = environment.maxKeySize
    }

    /// Whether a key could have been stored. One longer than LMDB allows never was, so reads, scans and deletes by it
    /// find nothing rather than fail: such keys come from clients' paths and queries, and the answer is "not found".
    /// Only writing one is an error.
    private func canExist(_ key: StoreKey) -> Bool { key.bytes.count <= maxKeySize }

    func get(_ table: Table, _ key: StoreKey) throws -> [UInt8]? {
        let dbi = try tables[table]
        guard canExist(key) else { return nil }
        return try withKey(key, maxSize: maxKeySize) { key throws(StoreError) in
            var value = MDB_val()
            let rc = mdb_get(txn, dbi, &key, &value)
            if rc == MDB_NOTFOUND { return nil }
            try check(rc)
            return value.bytes
        }
    }

    /// Prefix scan with a cursor. Forward: position at the first key ≥ max(prefix, after), step over `after` itself,
    /// walk `MDB_NEXT`. Reverse: position at the first key ≥ the exclusive upper bound (the smaller of `after` and the
    /// end of the prefix range), step back once with `MDB_PREV` (or start at `MDB_LAST` when nothing is that high),
    /// walk `MDB_PREV`. Either way stop at the first key without the prefix.
    func scan(
        _ table: Table, prefix: StoreKey, after: StoreKey?, reverse: Bool,
        _ visit: (_ key: StoreKey, _ value: [UInt8]) throws -> Bool
    ) throws {
        try scanInPlace(table, prefix: prefix, after: after, reverse: reverse) { key, value in
            try visit(StoreKey(bytes: Array(key)), Array(value))
        }
    }

    /// As `scan`, lending LMDB's own bytes, valid only during `visit`.
    func scanInPlace(
        _ table: Table, prefix: StoreKey, after: StoreKey?, reverse: Bool,
        _ visit: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        let dbi = try tables[table]
        guard canExist(prefix) else { return }
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn, dbi, &cursor))
        defer { mdb_cursor_close(cursor) }

        var key = MDB_val()
        var value = MDB_val()
        func move(_ op: MDB_cursor_op) -> Int32 { mdb_cursor_get(cursor, &key, &value, op) }
        func seek(_ target: [UInt8]) throws -> Int32 {
            // MDB_SET_RANGE reads the target through `key`, then points `key` at the key it found.
            try withKey(StoreKey(bytes: target), maxSize: maxKeySize) { target in
                let rc = mdb_cursor_get(cursor, &target, &value, MDB_SET_RANGE)
                // Only on success does `target` point at LMDB's copy; otherwise it is our soon-gone buffer.
                key = rc == MDB_SUCCESS ? target : MDB_val()
                return rc
            }
        }

        var rc: Int32
        if reverse {
            if let after, after.bytes.isEmpty { return }
            var bound = Self.rangeEnd(of: prefix.bytes)
            if let after, bound.map({ Self.precedes(after.bytes, $0) }) ?? true { bound = after.bytes }
            if let bound {
                rc = try seek(bound)
                rc = rc == MDB_SUCCESS ? move(MDB_PREV) : rc == MDB_NOTFOUND ? move(MDB_LAST) : rc
            } else {
                rc = move(MDB_LAST)
            }
        } else {
            var start = prefix.bytes
            if let after, Self.precedes(start, after.bytes) { start = after.bytes }
            rc = start.isEmpty ? move(MDB_FIRST) : try seek(start)
            if rc == MDB_SUCCESS, let after, key.equals(after.bytes) { rc = move(MDB_NEXT) }
        }

        while rc == MDB_SUCCESS, key.starts(with: prefix.bytes) {
            guard try visit(key.buffer, value.buffer) else { return }
            rc = move(reverse ? MDB_PREV : MDB_NEXT)
        }
        if rc != MDB_SUCCESS && rc != MDB_NOTFOUND { try check(rc) }
    }

    /// The smallest key above every key that starts with `prefix`, or nil when no such key exists (an empty prefix,
    /// or one of all 0xFF bytes).
    static func rangeEnd(of prefix: [UInt8]) -> [UInt8]? {
        var end = prefix
        while let last = end.last {
            if last < 0xFF {
                end[end.count - 1] = last + 1
                return end
            }
            end.removeLast()
        }
        return nil
    }

    static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }

    // MARK: Writes

    func put(_ table: Table, _ key: StoreKey, _ value: [UInt8], flags: Int32 = 0) throws -> Int32 {
        let dbi = try tables[table]
        return try withKey(key, maxSize: maxKeySize) { key in
            try withVal(value) { value in
                let rc = mdb_put(txn, dbi, &key, &value, UInt32(flags))
                if rc == MDB_KEYEXIST { return rc }
                try check(rc)
                return rc
            }
        }
    }

    func delete(_ table: Table, _ key: StoreKey) throws -> Bool {
        let dbi = try tables[table]
        guard canExist(key) else { return false }
        return try withKey(key, maxSize: maxKeySize) { key throws(StoreError) in
            let rc = mdb_del(txn, dbi, &key, nil)
            if rc == MDB_NOTFOUND { return false }
            try check(rc)
            return true
        }
    }
}
