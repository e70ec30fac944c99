/// Random tokens in base62, from the system's cryptographic generator.
enum SecretToken {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    static func make(prefix: String, length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let body = (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] }
        return prefix + String(decoding: body, as: UTF8.self)
    }

    static func isWellFormed(_ token: String, prefix: String, length: Int) -> Bool {
        let utf8 = token.utf8
        return utf8.count == prefix.utf8.count + length && token.hasPrefix(prefix)
            && utf8.dropFirst(prefix.utf8.count).allSatisfy { alphabet.contains($0) }
    }
}
