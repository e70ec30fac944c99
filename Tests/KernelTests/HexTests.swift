import Kernel
import Testing

@Suite struct HexTests {
    @Test func bytesRoundTripAsLowercaseDigits() {
        let bytes: [UInt8] = [0, 1, 0x0f, 0x10, 0xab, 0xff]
        #expect(Hex.encode(bytes) == "00010f10abff")
        #expect(Hex.decode("00010f10abff") == bytes)
        #expect(Hex.decode(digits: "00010f10abff".utf8.dropFirst(2)) == Array(bytes.dropFirst()))
        #expect(Hex.decode("00010F10AbFF") == bytes)
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test func anythingButPairsOfHexDigitsIsRefused() {
        for text in ["", "0", "abc", "0G", "0x00", "ab cd"] { #expect(Hex.decode(text) == nil, "\(text)") }
    }
}
