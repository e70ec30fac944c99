/// Lowercase hexadecimal: cursor positions, digests in index keys and signatures.
public enum Hex {
    /// Written digit by digit into one buffer: a string per byte, joined, cost 5 µs for a 32-byte hash on every
    /// authenticated request. Inlinable, so that it is specialized for the caller's sequence.
    @inlinable
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            digits.append(alphabet[Int(byte >> 4)])
            digits.append(alphabet[Int(byte & 0xF)])
        }
        return String(decoding: digits, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? { decode(digits: text.utf8) }

    /// Digits of either case (signatures are often sent in capitals); `nil` for an odd count, no digits or any other
    /// character.
    @inlinable
    public static func decode(digits: some Collection<UInt8>) -> [UInt8]? {
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index != digits.endIndex {
            let next = digits.index(after: index)
            guard let high = value(digits[index]), let low = value(digits[next]) else { return nil }
            bytes.append(high << 4 | low)
            index = digits.index(after: next)
        }
        return bytes
    }

    @usableFromInline static let alphabet = Array("0123456789abcdef".utf8)

    @usableFromInline static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
