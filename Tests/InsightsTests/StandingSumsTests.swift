import Contracts
@testable import Insights
import Kernel
import Testing

@Suite struct StandingSumsTests {
    /// Blocks that lack affiliates, add new ones, or come out of key order: each affiliate still sums in one place.
    @Test func eachAffiliateKeepsOnePositionWhateverTheBlocksHold() throws {
        let keys: [[UInt8]] = (0..<40).map { [UInt8](repeating: 7, count: 15) + [UInt8($0)] }
        let blocks: [[Int]] = [Array(0..<30), [0, 5, 6, 7, 12, 29], Array(stride(from: 1, to: 40, by: 3)), [39, 35, 2], Array(0..<40)]
        var sums = StandingSums()
        for block in blocks {
            sums.startBlock()
            for index in block {
                let position = try #require(keys[index].withUnsafeBytes { sums.position(of: $0) })
                sums.add(Metric.clicks.slot, Int64(index + 1), at: position)
            }
        }
        var expected: [AffiliateID: Int64] = [:]
        for index in blocks.joined() { expected[AffiliateID(bytes: keys[index])!, default: 0] += Int64(index + 1) }
        let standings = sums.standings
        #expect(standings.count == 40)
        #expect(Dictionary(uniqueKeysWithValues: standings.map { ($0.affiliate, $0.totals.count(.clicks)) }) == expected)
    }
}
