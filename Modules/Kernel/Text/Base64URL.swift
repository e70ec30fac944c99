import Foundation

/// Unpadded base64url (RFC 4648 §5): tokens that travel in URLs, cookies and checkout metadata unescaped.
public enum Base64URL {
    /// Written directly: every click's token is encoded, and Foundation's base64 plus three string replacements cost
    /// more than the rest of the click's own work.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let bytes = Array(bytes)
        return String(unsafeUninitializedCapacity: (bytes.count * 4 + 2) / 3) { out in
            var count = 0
            for start in stride(from: 0, to: bytes.count, by: 3) {
                let group = bytes[start..<min(start + 3, bytes.count)]
                // The group as the high bits of 24, then one character per started 6 bits: 2, 3 or 4 of them.
                let bits = group.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
                for position in 0...group.count {
                    out[count] = alphabet[Int(bits >> (18 - 6 * position) & 63)]
                    count += 1
                }
            }
            return count
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The bytes of `text`, padded or not; `nil` when it is not base64url.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
