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

    /// `t=<unix>,sig=<hex>`; several `sig=` entries may be sent (one per secret during a rotation).
    static func parse(_ header: String) throws(DomainError) -> (UInt64, [[UInt8]]) {
        var timestamp: UInt64?
        var digests: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = UInt64(pair[1])
            case "sig": if let digest = Hex.decode(pair[1]), digest.count == 32 { digests.append(digest) }
            default: continue
            }
        }
        guard let timestamp, !digests.isEmpty else {
            throw DomainError(.unauthorized, "invalid_signature_header", "X-Rekomi-Signature must be t=<unix seconds>,sig=<64 hex characters>")
        }
        return (timestamp, digests)
    }
}
