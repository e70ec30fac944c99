public import Contracts
import Crypto
import Foundation
public import Kernel

/// A checked `X-Rekomi-Signature`, remembered by the ledger so the same signed request cannot be replayed.
public struct VerifiedSignature: Sendable, Equatable {
    public let timestamp: UInt64
    public let digest: [UInt8]
}

/// Server-to-server calls carry `X-Rekomi-Signature: t=<unix>,sig=<hex>`, the HMAC-SHA256 of `<unix>.<raw body>`
/// keyed with any active `rks_` secret of the tenant (several may be active during a rotation). The timestamp must
/// be within five minutes of the server's clock either way.
public struct RequestSignatureVerifier: Sendable {
    public static let tolerance: UInt64 = 300
    let secrets: any SigningSecretDirectory
    let clock: any WallClock

    public init(secrets: any SigningSecretDirectory, clock: any WallClock) {
        self.secrets = secrets
        self.clock = clock
    }

    public func verify(header: String?, body: [UInt8], tenant: TenantID) throws -> VerifiedSignature {
        guard let header, !header.isEmpty else {
            throw DomainError(.unauthorized, "signature_required", "X-Rekomi-Signature is required: t=<unix>,sig=<hex HMAC-SHA256 of <unix>.<body>>")
        }
        let (timestamp, digests) = try Self.parse(header)
        let now = UInt64(max(0, clock.now().timeIntervalSince1970))
        guard timestamp <= now + Self.tolerance, timestamp + Self.tolerance >= now else {
            throw DomainError(
                .unauthorized, "timestamp_out_of_tolerance", "The signature's timestamp is more than \(Self.tolerance) seconds from the server's time (\(now))")
        }
        let active = try secrets.activeSigningSecrets(tenant)
        guard !active.isEmpty else {
            throw DomainError(.unauthorized, "signing_secret_not_configured", "This organization has no active signing secret")
        }
        let message = Array("\(timestamp).".utf8) + body
        for secret in active {
            let key = SymmetricKey(data: Array(secret.utf8))
            if let match = digests.first(where: { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: message, using: key) }) {
                return VerifiedSignature(timestamp: timestamp, digest: match)
            }
        }
        throw DomainError(.unauthorized, "invalid_signature", "The signature does not match the body with any active signing secret")
    }

    /// `t=<unix>,sig=<hex>`; several `sig=` entries may be sent (one per secret during a rotation). Read byte by byte:
    /// splitting and trimming `String`s cost 11 µs of every signed request.
    static func parse(_ header: String) throws(DomainError) -> (UInt64, [[UInt8]]) {
        var timestamp: UInt64?
        var digests: [[UInt8]] = []
        for part in header.utf8.split(separator: UInt8(ascii: ",")) {
            guard let equals = part.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = trimmed(part[..<equals]), value = trimmed(part[part.index(after: equals)...])
            if name.elementsEqual("t".utf8) {
                timestamp = seconds(value)
            } else if name.elementsEqual("sig".utf8), let digest = Hex.decode(digits: value), digest.count == 32 {
                digests.append(digest)
            }
        }
        guard let timestamp, !digests.isEmpty else {
            throw DomainError(.unauthorized, "invalid_signature_header", "X-Rekomi-Signature must be t=<unix seconds>,sig=<64 hex characters>")
        }
        return (timestamp, digests)
    }

    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else { return bytes[bytes.endIndex...] }
        return bytes[first...last]
    }

    /// Decimal digits only, at most 19 of them (no overflow).
    private static func seconds(_ digits: Substring.UTF8View.SubSequence) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt64(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
