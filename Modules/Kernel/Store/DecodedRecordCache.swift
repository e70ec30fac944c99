import Foundation
public import Synchronization

/// Remembers the value decoded from a stored record, keyed by the record's exact bytes, so hot reads (API keys,
/// organizations, programs on every request) skip decoding. The whole byte string is the key, so an entry can never
/// be stale: a changed record has other bytes and simply misses. Each node keeps its own; nothing is shared.
///
/// Inlinable, so each service's cache is specialized for its value type: behind the module boundary the dictionary
/// ran as unspecialized generic code, which cost more than the hashing.
public final class DecodedRecordCache<Value: Sendable>: Sendable {
    @usableFromInline let entries = Mutex<[RecordBytes: Value]>([:])
    @usableFromInline let capacity: Int

    /// `capacity` bounds memory: when full, the cache starts over rather than tracking recency on every hit.
    public init(capacity: Int = 10_000) { self.capacity = capacity }

    @inlinable
    public func value(for bytes: [UInt8], decode: ([UInt8]) throws -> Value) rethrows -> Value {
        let key = RecordBytes(bytes: bytes)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let value = try decode(bytes)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }
}

extension DecodedRecordCache where Value: Decodable {
    /// The record decoded with `RecordCoding`, from the cache when these bytes were decoded before.
    @inlinable
    public func decode(_ bytes: [UInt8]) throws -> Value {
        try value(for: bytes) { try RecordCoding.decode(Value.self, from: $0) }
    }
}

/// Record bytes hashed and compared as one block rather than element by element.
@usableFromInline
struct RecordBytes: Hashable, Sendable {
    @usableFromInline let bytes: [UInt8]

    @inlinable
    init(bytes: [UInt8]) { self.bytes = bytes }

    @usableFromInline
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    @usableFromInline
    static func == (lhs: RecordBytes, rhs: RecordBytes) -> Bool {
        guard lhs.bytes.count == rhs.bytes.count else { return false }
        return lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
    }
}
