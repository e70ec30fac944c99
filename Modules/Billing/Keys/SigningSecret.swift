public import Foundation
public import Kernel

public enum SigningSecretTag {}
public typealias SigningSecretID = TypedID<SigningSecretTag>

/// An `rks_…` secret a tenant signs server-to-server calls with. HMAC verification needs the secret itself, so it is
/// stored as is (in the tenant's range only); several may be active at once so secrets can be rotated.
public struct SigningSecret: Sendable, Codable {
    public let id: SigningSecretID
    public let secret: String
    public let createdAt: Date
    public var revokedAt: Date?

    public var summaryJSON: JSONValue {
        .object([
            ("id", .string(id.description)),
            ("preview", .string(String(secret.prefix(8)))),
            ("createdAt", .timestamp(createdAt)),
            ("revokedAt", .timestamp(revokedAt)),
        ])
    }
}
