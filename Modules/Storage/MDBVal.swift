import CLMDB
import Foundation
import Kernel

/// Lends `bytes` to LMDB as an `MDB_val` for the length of `body`. LMDB only reads the input; on return it may point
/// the value at its own memory, which callers copy before the transaction ends.
func withVal<R>(_ bytes: [UInt8], _ body: (inout MDB_val) throws -> R) rethrows -> R {
    try bytes.withUnsafeBytes { buffer in
        var val = MDB_val(lending: buffer)
        return try body(&val)
    }
}

/// As `withVal`, for a key. The length is checked here because LMDB only checks it on writes (a lookup of an
/// overlong key just finds nothing) and reports empty keys with the same code as overlong ones.
func withKey<R>(_ key: StoreKey, maxSize: Int, _ body: (inout MDB_val) throws -> R) throws -> R {
    guard !key.bytes.isEmpty else { throw StoreError(.engine, engineCode: MDB_BAD_VALSIZE, message: "empty key") }
    guard key.bytes.count <= maxSize else {
        throw StoreError(.keyTooLong, engineCode: MDB_BAD_VALSIZE, message: "key of \(key.bytes.count) bytes; the limit is \(maxSize)")
    }
    return try withVal(key.bytes, body)
}

extension MDB_val {
    /// Bytes of ours for LMDB to read, valid only while `buffer` is.
    init(lending buffer: UnsafeRawBufferPointer) {
        self.init(mv_size: buffer.count, mv_data: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
    }

    /// A Swift copy of bytes LMDB owns, so nothing from the map outlives the transaction.
    var bytes: [UInt8] { Array(buffer) }

    /// The bytes in place, for reading before LMDB moves on.
    var buffer: UnsafeRawBufferPointer {
        guard mv_size > 0, let data = mv_data else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: data, count: mv_size)
    }

    /// With `memcmp`: a scan asks this of every key it steps over, and a byte-wise comparison cost more than the step.
    func starts(with prefix: [UInt8]) -> Bool {
        guard mv_size >= prefix.count else { return false }
        guard !prefix.isEmpty, let data = mv_data else { return true }
        // Not empty, so the bytes have an address.
        return prefix.withUnsafeBytes { memcmp(data, $0.baseAddress!, prefix.count) == 0 }
    }

    func equals(_ other: [UInt8]) -> Bool { mv_size == other.count && starts(with: other) }
}
