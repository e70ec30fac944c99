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
}
