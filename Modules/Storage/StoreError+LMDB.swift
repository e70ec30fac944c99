import CLMDB
import Kernel

extension StoreError {
    /// Classifies an LMDB return code into Kernel's vocabulary, keeping the code and LMDB's own text for logs.
    init(lmdb rc: Int32) {
        let code: Code =
            switch rc {
            case MDB_MAP_FULL: .mapFull
            case MDB_BAD_VALSIZE: .keyTooLong
            case MDB_CORRUPTED, MDB_VERSION_MISMATCH, MDB_INVALID: .corrupted
            default: .engine
            }
        self.init(code, engineCode: rc, message: String(cString: mdb_strerror(rc)))
    }

    static let closedStore = StoreError(.closed, message: "the store is closed")
}

/// The one place an LMDB return code becomes a thrown error. `MDB_NOTFOUND` is not special here: callers that expect
/// it test for it before calling `check`, so it never leaves the API as an error.
func check(_ rc: Int32) throws(StoreError) {
    guard rc != MDB_SUCCESS else { return }
    throw StoreError(lmdb: rc)
}
