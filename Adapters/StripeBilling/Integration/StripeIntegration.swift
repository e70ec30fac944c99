import Foundation
public import Kernel

/// A tenant's Stripe connection as stored: the endpoint's signing secret. Verifying an HMAC needs the secret itself,
/// so it is kept as is, in the tenant's own key range, and never shown again.
struct StripeIntegration: Codable, Sendable {
    let webhookSecret: String
    let updatedAt: Date
}

/// What the API tells about the connection; never the secret.
public struct StripeIntegrationStatus: Sendable, Equatable {
    public let configured: Bool
    /// Where to point the Stripe endpoint; known before a secret is stored, since Stripe issues the secret only once
    /// the endpoint exists.
    public let webhookURL: String
    public let secretLast4: String?

    public var json: JSONValue {
        .object([("configured", .bool(configured)), ("webhookUrl", .string(webhookURL)), ("secretLast4", .string(secretLast4))])
    }
}
