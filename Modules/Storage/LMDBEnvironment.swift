import CLMDB
import Foundation
public import Kernel

/// One LMDB environment: the files of one data directory, opened once per process.
///
/// `@unchecked Sendable` because it wraps a C handle that LMDB lets many threads share: it is opened with `MDB_NOTLS`
/// so read transactions may hop threads, the writer is serialized on one thread (`GroupCommitWriter`), and the only
/// mutable state, the handle's lifetime and the map size, changes only under `mapLock` held exclusively.
public final class LMDBEnvironment: @unchecked Sendable {
    public let path: String
    /// Past this size the map stops growing and writes fail with `.mapFull`.
    public let maxMapSize: Int
    let tables: TableHandles
    /// LMDB's compile-time key limit (511 bytes in the stock build).
    let maxKeySize: Int
    let mapLock = MapLock()
    /// Nil once closed. Read under `mapLock` shared, set to nil under it exclusive.
    private var handle: OpaquePointer?

    /// Opens (creating if needed) the environment in the directory `path`, and every table of `Table.all`.
    /// `initialMapSize` is only a starting point: the map doubles when full, up to `maxMapSize`.
    public init(
        path: String, initialMapSize: Int = 64 << 20, maxReaders: Int = 512, maxMapSize: Int = 1 << 40
    ) throws(StoreError) {
        self.path = path
        self.maxMapSize = maxMapSize
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.engine, message: "cannot create data directory \(path): \(error)")
        }
        var env: OpaquePointer?
        try check(mdb_env_create(&env))
        guard let env else { throw StoreError(.engine, message: "mdb_env_create returned no handle") }
        do throws(StoreError) {
            try check(mdb_env_set_maxdbs(env, MDB_dbi(Table.all.count)))
            try check(mdb_env_set_maxreaders(env, UInt32(maxReaders)))
            try check(mdb_env_set_mapsize(env, Self.pageAligned(min(initialMapSize, maxMapSize))))
            // Default sync mode: a commit is on disk when `mdb_txn_commit` returns (RELIABILITY.md §4.1). No
            // readahead, so that pages come into the page cache one by one (`SinglePageRoom`).
            try check(mdb_env_open(env, path, UInt32(MDB_NOTLS | MDB_NORDAHEAD), 0o640))
            // Slots left by a process killed mid-read would otherwise pin old pages forever.
            var stale: Int32 = 0
            try check(mdb_reader_check(env, &stale))
            tables = try Self.openTables(env)
            maxKeySize = Int(mdb_env_get_maxkeysize(env))
        } catch {
            // lmdb.h: after a failed open the handle must be discarded with mdb_env_close.
            mdb_env_close(env)
            throw error
        }
        handle = env
    }

    deinit {
        // DBIs are never closed one by one: closing the environment releases them.
        if let handle { mdb_env_close(handle) }
    }

    /// Opens every named database in one write transaction. `mdb_dbi_open` must not run in concurrent transactions,
    /// so it happens here, before anyone else can use the environment.
    private static func openTables(_ env: OpaquePointer) throws(StoreError) -> TableHandles {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(env, nil, 0, &txn))
        var handles: [(table: Table, dbi: MDB_dbi)] = []
        for table in Table.all {
            var dbi = MDB_dbi()
            let rc = mdb_dbi_open(txn, table.name, UInt32(MDB_CREATE), &dbi)
            guard rc == MDB_SUCCESS else {
                mdb_txn_abort(txn)
                throw StoreError(lmdb: rc)
            }
            handles.append((table, dbi))
        }
        try check(mdb_txn_commit(txn))
        return TableHandles(handles)
    }

    private static func pageAligned(_ size: Int) -> Int {
        let page = 4096
        return max(page, (size + page - 1) / page * page)
    }

    /// The current size of the memory map in bytes.
    public var mapSize: Int {
        mapLock.withShared {
            guard let handle else { return 0 }
            var info = MDB_envinfo()
            mdb_env_info(handle, &info)
            return info.me_mapsize
        }
    }

    /// The bytes of the data file LMDB uses, up to its last page; the file itself may be longer (`SinglePageRoom`).
    public var usedSize: Int {
        mapLock.withShared { handle.flatMap(Self.extent)?.used ?? 0 }
    }

    /// How far LMDB uses its map: the bytes up to its last page, its page size and the map's size.
    static func extent(_ env: OpaquePointer) -> (used: Int, page: Int, mapSize: Int)? {
        var info = MDB_envinfo()
        var stat = MDB_stat()
        guard mdb_env_info(env, &info) == MDB_SUCCESS, mdb_env_stat(env, &stat) == MDB_SUCCESS else { return nil }
        let page = Int(stat.ms_psize)
        return ((info.me_last_pgno + 1) * page, page, info.me_mapsize)
    }

    /// Closes the environment once every transaction in flight has ended. Later reads and writes throw `.closed`.
    /// Stop the writer first (`LMDBStore.shutdown()`), so no write is cut short.
    public func close() {
        mapLock.withExclusive {
            if let handle { mdb_env_close(handle) }
            handle = nil
        }
    }

    // MARK: Transactions and the map

    /// Runs `body` with the open handle while holding the map shared, so the map cannot move or close under it.
    @available(*, noasync)
    func withHandle<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        try mapLock.withShared {
            guard let handle else { throw StoreError.closedStore }
            return try body(handle)
        }
    }

    /// A read-only transaction for the length of `body`, always aborted afterwards (reads have nothing to commit).
    @available(*, noasync)
    func withReadTransaction<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        while true {
            let outcome: R? = try withHandle { env in
                var txn: OpaquePointer?
                let rc = mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn)
                if rc == MDB_MAP_RESIZED { return nil }
                try check(rc)
                defer { mdb_txn_abort(txn) }
                return try body(txn!)
            }
            if let outcome { return outcome }
            try adoptMapSize()
        }
    }

    /// Another process grew the map (`MDB_MAP_RESIZED`): adopt the size recorded in the file.
    func adoptMapSize() throws(StoreError) {
        try mapLock.withExclusive { () throws(StoreError) in
            guard let handle else { throw StoreError.closedStore }
            try check(mdb_env_set_mapsize(handle, 0))
        }
    }

    /// Doubles the map, up to `maxMapSize`. Waits for every transaction in the process to end first.
    func growMap() throws(StoreError) {
        try mapLock.withExclusive { () throws(StoreError) in
            guard let handle else { throw StoreError.closedStore }
            var info = MDB_envinfo()
            try check(mdb_env_info(handle, &info))
            guard info.me_mapsize < maxMapSize else {
                throw StoreError(.mapFull, engineCode: MDB_MAP_FULL, message: "the map reached its maximum of \(maxMapSize) bytes")
            }
            try check(mdb_env_set_mapsize(handle, min(info.me_mapsize * 2, maxMapSize)))
        }
    }
}
