import Kernel
import Synchronization
import Testing

@Suite struct DecodedRecordCacheTests {
    @Test func identicalBytesDecodeOnceAndChangedBytesDecodeAgain() throws {
        let cache = DecodedRecordCache<String>(capacity: 2)
        let decodes = Mutex(0)
        let decode: ([UInt8]) -> String = { bytes in
            decodes.withLock { $0 += 1 }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(cache.value(for: Array("a".utf8), decode: decode) == "a")
        #expect(cache.value(for: Array("a".utf8), decode: decode) == "a")
        #expect(decodes.withLock { $0 } == 1)
        #expect(cache.value(for: Array("b".utf8), decode: decode) == "b")
        #expect(cache.value(for: Array("c".utf8), decode: decode) == "c")  // over capacity: starts over
        #expect(cache.value(for: Array("a".utf8), decode: decode) == "a")
        #expect(decodes.withLock { $0 } == 4)
    }

    @Test func decodableRecordsRoundTripThroughRecordCoding() throws {
        struct Sample: Codable, Equatable { let name: String; let count: Int }
        let cache = DecodedRecordCache<Sample>()
        let bytes = try RecordCoding.encode(Sample(name: "x", count: 3))
        #expect(try cache.decode(bytes) == Sample(name: "x", count: 3))
        #expect(try cache.decode(bytes) == Sample(name: "x", count: 3))
        #expect(throws: (any Error).self) { try cache.decode([1, 0x7B]) }
    }
}
