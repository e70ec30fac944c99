import Kernel

/// Prefixed random tokens (`rk_live_…`, `rks_…`) and their shape check.
enum SecretToken {
    private static let alphabet = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    static func make(prefix: String, length: Int) -> String {
        prefix + RandomToken.base62(length: length)
    }

    static func isWellFormed(_ token: String, prefix: String, length: Int) -> Bool {
        let utf8 = token.utf8
        return utf8.count == prefix.utf8.count + length && token.hasPrefix(prefix)
            && utf8.dropFirst(prefix.utf8.count).allSatisfy { alphabet.contains($0) }
    }
}
