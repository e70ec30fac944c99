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

    private static let version: UInt8 = 1

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
        guard bytes.first == Self.version, (bytes.count - 1) % 12 == 0 else {
            throw StoreError(.corrupted, message: "counter cell of \(bytes.count) bytes has an unknown format")
        }
        var offset = 1
        func integer<I: FixedWidthInteger>(_: I.Type) -> I {
            defer { offset += MemoryLayout<I>.size }
            return bytes[offset..<offset + MemoryLayout<I>.size].reduce(0) { $0 << 8 | I(truncatingIfNeeded: $1) }
        }
        entries.reserveCapacity((bytes.count - 1) / 12)
        while offset < bytes.count {
            let slot = integer(UInt32.self)
            entries.append((slot, integer(Int64.self)))
        }
    }
}
