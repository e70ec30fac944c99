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
        // An empty set takes the other's entries as they are, sharing their storage: sums often start from nothing.
        guard !entries.isEmpty else {
            entries = other.entries
            return
        }
        // Sums of one shape (a fold's rows of one affiliate and day) hold the same slots: added value by value,
        // without a search for each.
        if entries.count == other.entries.count, entries.indices.allSatisfy({ entries[$0].slot == other.entries[$0].slot }) {
            for index in entries.indices { entries[index].value &+= other.entries[index].value }
            entries.removeAll { $0.value == 0 }
            return
        }
        for (slot, value) in other.entries { add(slot, value) }
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) { entries.reserveCapacity(minimumCapacity) }

    /// Both sets merged in one pass into an array sized for both, rather than inserted into a copy one at a time.
    public static func + (lhs: CounterSet, rhs: CounterSet) -> CounterSet {
        if lhs.isEmpty { return rhs }
        if rhs.isEmpty { return lhs }
        var sum = CounterSet()
        sum.entries.reserveCapacity(lhs.entries.count + rhs.entries.count)
        var left = 0
        var right = 0
        while left < lhs.entries.count || right < rhs.entries.count {
            let fromLeft = right == rhs.entries.count || (left < lhs.entries.count && lhs.entries[left].slot <= rhs.entries[right].slot)
            let fromRight = left == lhs.entries.count || (right < rhs.entries.count && rhs.entries[right].slot <= lhs.entries[left].slot)
            let slot = fromLeft ? lhs.entries[left].slot : rhs.entries[right].slot
            let value = (fromLeft ? lhs.entries[left].value : 0) &+ (fromRight ? rhs.entries[right].value : 0)
            if value != 0 { sum.entries.append((slot, value)) }
            if fromLeft { left += 1 }
            if fromRight { right += 1 }
        }
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

    /// This set added to a stored cell (its bytes in place, or nil when there is none), encoded into a temporary
    /// buffer lent to `body`, or nil when the sum is empty: a cell's read-modify-write without decoding the cell into
    /// a set, adding and encoding again, each an allocation. Inlinable, so the merge runs without calls.
    @inlinable
    public func withEncodedSum<R>(adding stored: UnsafeRawBufferPointer?, _ body: (_ sum: UnsafeRawBufferPointer?) throws -> R) throws -> R {
        let capacity = 1 + 12 * ((stored?.count ?? 0) / 12 + entries.count)
        return try withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 8) { buffer in
            buffer[0] = Self.version
            var end = 1
            func emit(_ slot: UInt32, _ value: Int64) {
                buffer.storeBytes(of: slot.bigEndian, toByteOffset: end, as: UInt32.self)
                buffer.storeBytes(of: value.bigEndian, toByteOffset: end + 4, as: Int64.self)
                end += 12
            }
            var next = 0
            if let stored {
                try Self.forEachEntry(encoded: stored) { slot, value in
                    while next < entries.count, entries[next].slot < slot {
                        emit(entries[next].slot, entries[next].value)
                        next += 1
                    }
                    var sum = value
                    if next < entries.count, entries[next].slot == slot {
                        sum = value &+ entries[next].value
                        next += 1
                    }
                    if sum != 0 { emit(slot, sum) }
                    return true
                }
            }
            for (slot, value) in entries[next...] { emit(slot, value) }
            return try body(end == 1 ? nil : UnsafeRawBufferPointer(rebasing: buffer[..<end]))
        }
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
