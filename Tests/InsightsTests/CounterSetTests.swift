import Kernel
import Testing

@Suite struct CounterSetTests {
    @Test func slotsAddCancelAndRoundTrip() throws {
        var cell = CounterSet(7, 5)
        cell.add(3, -2)
        cell.add(CounterSet(7, -5))
        #expect(cell.entries.map(\.slot) == [3] && cell[3] == -2 && cell[7] == 0)
        cell.add(1 << 31, Int64.min + 1)
        let decoded = try CounterSet(encoded: cell.encoded)
        #expect(decoded == cell && decoded[1 << 31] == Int64.min + 1)
        #expect((cell + -cell).isEmpty)
        #expect(throws: StoreError.self) { try CounterSet(encoded: [2, 0, 0]) }
    }

    /// `+` merges in one pass, `add` of a set into an empty one takes its entries and `add` of a set with the same
    /// slots adds value by value: all as adding slot by slot.
    @Test func sumsEqualAddingSlotBySlot() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let left = Self.randomSet(&random)
            var sameSlots = CounterSet()
            for entry in left.entries { sameSlots.add(entry.slot, Bool.random(using: &random) ? -entry.value : Int64.random(in: 1...9, using: &random)) }
            let right = [-left, sameSlots, Self.randomSet(&random)].randomElement(using: &random)!
            var expected = left
            for (slot, value) in right.entries { expected.add(slot, value) }
            var added = left
            added.add(right)
            #expect(left + right == expected && added == expected, "\(left.entries) + \(right.entries)")
            #expect((left + right).entries.allSatisfy { $0.value != 0 })
            #expect(zip((left + right).entries, (left + right).entries.dropFirst()).allSatisfy { $0.slot < $1.slot })
        }
    }

    @Test func storedEntriesAreReadInPlaceUntilTheVisitorStops() throws {
        var cell = CounterSet(1, 10)
        cell.add(2, -20)
        cell.add(3, 30)
        var visited: [(UInt32, Int64)] = []
        try cell.encoded.withUnsafeBytes { bytes in
            try CounterSet.forEachEntry(encoded: bytes) { slot, value in
                visited.append((slot, value))
                return slot < 2
            }
        }
        #expect(visited.elementsEqual([(1, 10), (2, -20)]) { $0 == $1 })
    }

    @Test func anEncodedSumMatchesDecodingAddingAndEncoding() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let stored = Self.randomSet(&random)
            let increments = Self.randomSet(&random).isEmpty ? -stored : Self.randomSet(&random)
            let expected = stored + increments
            let bytes: [UInt8]? = try (stored.isEmpty ? nil : stored.encoded).withOptionalBytes { stored in
                try increments.withEncodedSum(adding: stored) { $0.map(Array.init) }
            }
            #expect(bytes == (expected.isEmpty ? nil : expected.encoded), "\(stored.entries) + \(increments.entries)")
        }
        #expect(throws: StoreError.self) { try CounterSet(1, 1).withEncodedSum(adding: UnsafeRawBufferPointer(start: nil, count: 0)) { _ in } }
    }
}

extension CounterSetTests {
    /// Up to six entries over nine slots with small values, so sums often cancel.
    fileprivate static func randomSet(_ random: inout SystemRandomNumberGenerator) -> CounterSet {
        var set = CounterSet()
        for _ in 0..<Int.random(in: 0...6, using: &random) { set.add(UInt32.random(in: 0...8, using: &random), Int64.random(in: -3...3, using: &random)) }
        return set
    }
}

extension Optional where Wrapped == [UInt8] {
    fileprivate func withOptionalBytes<R>(_ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard let self else { return try body(nil) }
        return try self.withUnsafeBytes { try body($0) }
    }
}
