import Crypto
import Foundation
import HTTPTypes
import Kernel

/// A brand's backend: an API key and a signing secret, signing each body as `t=<unix>,sig=<hex>`.
struct SignedTracking {
    let key: String
    let secret: String

    static func make(_ api: APIHarness, _ fixture: TrackingFixture, handle: String = "acme") async throws -> SignedTracking {
        let created = try await api.admin(.post, "/\(handle)/signing-secrets")
        guard let secret = created.json["secret"]?.stringValue else { throw HarnessError(created.raw) }
        return SignedTracking(key: fixture.key, secret: secret)
    }

    static func signature(_ body: String, secret: String, at time: Int = Int(Date().timeIntervalSince1970)) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(time).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(time),sig=\(Hex.encode(mac))"
    }

    /// Posts `body` to `/api/tracking/<path>` with the key in `X-Rekomi-Api-Key` and a fresh signature.
    func post(_ api: APIHarness, _ path: String, _ body: String, signature: String? = nil) async throws -> APIHarness.Reply {
        try await api.call(
            .post, "/api/tracking/\(path)", body: body,
            headers: [HTTPField.Name("X-Rekomi-Api-Key")!: key, HTTPField.Name("X-Rekomi-Signature")!: signature ?? Self.signature(body, secret: secret)])
    }
}
