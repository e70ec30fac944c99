import Foundation
import Synchronization

/// Remembers the value decoded from a stored record, keyed by the record's exact bytes, so hot reads (API keys,
/// organizations, programs on every request) skip decoding. The whole byte string is the key, so an entry can never
/// be stale: a changed record has other bytes and simply misses. Each node keeps its own; nothing is shared.
public final class DecodedRecordCache<Value: Sendable>: Sendable {
    private let entries = Mutex<[RecordBytes: Value]>([:])
    private let capacity: Int

    /// `capacity` bounds memory: when full, the cache starts over rather than tracking recency on every hit.
    public init(capacity: Int = 10_000) { self.capacity = capacity }

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
    public func decode(_ bytes: [UInt8]) throws -> Value {
        try value(for: bytes) { try RecordCoding.decode(Value.self, from: $0) }
    }
}

/// Record bytes hashed and compared as one block rather than element by element.
private struct RecordBytes: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: RecordBytes, rhs: RecordBytes) -> Bool {
        guard lhs.bytes.count == rhs.bytes.count else { return false }
        return lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
    }
}
