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
}
