import Kernel
import Testing

/// `sorted(byKey:)` orders as LMDB does: byte by byte, a key before every longer key it begins.
@Suite struct KeyOrderTests {
    @Test func sortsByKeyBytesLikeLexicographicOrder() {
        var random = SystemRandomNumberGenerator()
        var keys = [StoreKey(bytes: []), StoreKey(bytes: [0]), StoreKey(bytes: [0, 0]), StoreKey(bytes: [255]), StoreKey(bytes: [1, 2, 3])]
        for _ in 0..<500 {
            keys.append(StoreKey(bytes: (0..<Int.random(in: 0...6, using: &random)).map { _ in UInt8.random(in: 0...3, using: &random) }))
        }
        let elements = keys.enumerated().map { (number: $0.offset, key: $0.element) }
        let sorted = elements.sorted(byKey: \.key)
        #expect(sorted.map(\.key.bytes) == keys.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) })
        #expect(Set(sorted.map(\.number)) == Set(0..<keys.count))
    }
}
