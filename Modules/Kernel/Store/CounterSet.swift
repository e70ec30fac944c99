/// A cell of pre-aggregated counters: signed 64-bit totals under small numeric slots. Adding two sets adds slot by
/// slot, so increments from many writes can be merged before they touch the store (see `StoreWriter.add`).
///
/// Stored as a format version byte, then each non-zero slot in ascending order as a 4-byte slot and an 8-byte value,
/// both big-endian.
public struct CounterSet: Sendable, Equatable {
    /// Sorted by slot; never holds a zero value.
    public private(set) var entries: [(slot: UInt32, value: Int64)] = []

    public init() {}

    public init(_ slot: UInt32, _ value: Int64) { add(slot, value) }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(slot: UInt32) -> Int64 {
        position(of: slot).found.map { entries[$0].value } ?? 0
    }

    public mutating func add(_ slot: UInt32, _ value: Int64) {
        guard value != 0 else { return }
        let (found, index) = position(of: slot)
        guard let found else { return entries.insert((slot, value), at: index) }
        let sum = entries[found].value &+ value
        if sum == 0 { entries.remove(at: found) } else { entries[found].value = sum }
    }

    public mutating func add(_ other: CounterSet) {
        for (slot, value) in other.entries { add(slot, value) }
    }

    public static func + (lhs: CounterSet, rhs: CounterSet) -> CounterSet {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    public static prefix func - (set: CounterSet) -> CounterSet {
        var negated = CounterSet()
        negated.entries = set.entries.map { ($0.slot, 0 &- $0.value) }
        return negated
    }

    public static func == (lhs: CounterSet, rhs: CounterSet) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.slot == $1.slot && $0.value == $1.value }
    }

    /// Binary search: the index holding `slot`, or where it would be inserted.
    private func position(of slot: UInt32) -> (found: Int?, index: Int) {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].slot == slot { return (middle, middle) }
            if entries[middle].slot < slot { low = middle + 1 } else { high = middle }
        }
        return (nil, low)
    }

    // MARK: Stored form

    @usableFromInline static let version: UInt8 = 1

    public var encoded: [UInt8] {
        var bytes: [UInt8] = [Self.version]
        bytes.reserveCapacity(1 + entries.count * 12)
        for (slot, value) in entries {
            withUnsafeBytes(of: slot.bigEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    public init(encoded bytes: [UInt8]) throws(StoreError) {
        var entries: [(slot: UInt32, value: Int64)] = []
        entries.reserveCapacity(bytes.count / 12)
        // Through a `Result`: `withUnsafeBytes` only rethrows untyped errors.
        let read = bytes.withUnsafeBytes { buffer in
            Result { () throws(StoreError) in
                try Self.forEachEntry(encoded: buffer) { slot, value in
                    entries.append((slot, value))
                    return true
                }
            }
        }
        try read.get()
        self.entries = entries
    }

    /// Visits a stored cell's entries in slot order, read in place, until `visit` returns `false`: summing a few
    /// slots of thousands of cells without building a set for each. Inlinable, so that `visit` is inlined too.
    @inlinable
    public static func forEachEntry(
        encoded bytes: UnsafeRawBufferPointer, _ visit: (_ slot: UInt32, _ value: Int64) -> Bool
    ) throws(StoreError) {
        guard bytes.first == version, (bytes.count - 1) % 12 == 0 else {
            throw StoreError(.corrupted, message: "counter cell of \(bytes.count) bytes has an unknown format")
        }
        var offset = 1
        while offset < bytes.count {
            let slot = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let value = Int64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: Int64.self))
            guard visit(slot, value) else { return }
            offset += 12
        }
    }
}
