import Crypto
import Kernel

/// Signs like Stripe does, for tests that play Stripe.
enum StripeSigning {
    static func signature(_ body: [UInt8], secret: String, at timestamp: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).".utf8) + body, using: SymmetricKey(data: Array(secret.utf8)))
        return Hex.encode(mac)
    }

    static func header(_ body: String, secret: String, at timestamp: Int) -> String {
        "t=\(timestamp),v1=\(signature(Array(body.utf8), secret: secret, at: timestamp))"
    }
}
