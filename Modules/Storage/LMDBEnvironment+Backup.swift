import CLMDB
import Foundation
import Kernel

extension LMDBEnvironment {
    /// Writes a compacted, consistent copy of the environment into the directory `path` (created if missing, and
    /// which must not already hold a `data.mdb`). Safe while serving: the copy reads one snapshot.
    ///
    /// The copy holds the map shared for its whole length, so a map resize needed meanwhile waits for it.
    public func backup(to path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.engine, message: "cannot create backup directory \(path): \(error)")
        }
        try withHandle { env in
            try check(mdb_env_copy2(env, path, UInt32(MDB_CP_COMPACT)))
        }
    }
}
