import Crypto
public import Foundation
public import Kernel

/// Stripe's webhook signature: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`, the HMAC-SHA256 of `<t>.<raw body>`
/// keyed with the UTF-8 bytes of the whole `whsec_…` string. Any `v1` may match (Stripe sends one per secret while
/// an endpoint's secret is being rolled); other schemes (`v0`) are ignored.
public enum StripeSignature {
    public static let headerName = "Stripe-Signature"
    /// Stripe's own default tolerance (stripe-python `DEFAULT_TOLERANCE`).
    public static let tolerance: TimeInterval = 300

    /// Throws a 400 unless `header` signs `payload` with `secret` at a time within `tolerance` of `now`.
    public static func verify(header: String?, payload: [UInt8], secret: String, now: Date) throws(DomainError) {
        guard let header, !header.isEmpty else {
            throw DomainError(.badRequest, "signature_required", "\(headerName) is required")
        }
        let (timestamp, signatures) = try parse(header)
        // Stripe's libraries reject only old timestamps; a far-future one is refused too, since no honest sender's
        // clock runs five minutes ahead and accepting it would let a captured request outlive the tolerance.
        guard abs(now.timeIntervalSince1970 - TimeInterval(timestamp)) <= tolerance else {
            throw DomainError(
                .badRequest, "timestamp_out_of_tolerance",
                "The signature's timestamp is more than \(Int(tolerance)) seconds from the server's time")
        }
        let key = SymmetricKey(data: Array(secret.utf8))
        let message = Array("\(timestamp).".utf8) + payload
        guard signatures.contains(where: { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: message, using: key) }) else {
            throw DomainError(.badRequest, "invalid_signature", "No v1 signature matches the body with the configured webhook secret")
        }
    }

    /// `t=<unix>` and every well-formed `v1=<64 hex>`; split on `,`, then on the first `=`.
    static func parse(_ header: String) throws(DomainError) -> (timestamp: Int64, signatures: [[UInt8]]) {
        var timestamp: Int64?
        var signatures: [[UInt8]] = []
        for item in header.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = Int64(pair[1])
            case "v1": if let digest = Hex.decode(pair[1].lowercased()), digest.count == SHA256.Digest.byteCount { signatures.append(digest) }
            default: continue
            }
        }
        guard let timestamp, !signatures.isEmpty else {
            throw DomainError(.badRequest, "invalid_signature_header", "\(headerName) must be t=<unix seconds>,v1=<64 hex characters>")
        }
        return (timestamp, signatures)
    }
}
