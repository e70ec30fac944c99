import Kernel
import Testing

/// Text in keys: its UTF-8 and a 0 terminator, with any 0 inside dropped so the terminator stays the only one.
@Suite struct KeyComponentTests {
    @Test func textIsItsUTF8AndATerminator() {
        for text in ["", "a", "shop.example", "Zürich", "😀 campaign", String(repeating: "x", count: 300)] {
            var bytes: [UInt8] = [9]
            text.appendKeyBytes(to: &bytes)
            #expect(bytes == [9] + Array(text.utf8) + [0], "\(text)")
        }
    }

    @Test func zeroBytesInsideTextAreDropped() {
        var bytes: [UInt8] = []
        "a\u{0}b\u{0}".appendKeyBytes(to: &bytes)
        #expect(bytes == Array("ab".utf8) + [0])
        let keyspace = Keyspace.global("texts")
        #expect(keyspace.key("a\u{0}b") == keyspace.key("ab"))
    }
}
