public import Contracts
public import Foundation
public import Kernel

/// Stores each tenant's Stripe webhook signing secret (`whsec_…`) and answers the webhook URL to give Stripe.
public struct StripeIntegrationService: Sendable {
    static let secretPrefix = "whsec_"
    /// Stripe's secrets are `whsec_` and 32 (dashboard) or 64 (CLI) characters; the bounds leave room without
    /// accepting a pasted document.
    static let secretLengths = 8...200
    /// Letters, digits and what base64 variants add; no spaces or quotes from a sloppy paste.
    static let secretCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=".utf8)

    let database: Database
    let tenants: any TenantDirectory
    let clock: any WallClock
    let publicURL: String

    public init(database: Database, tenants: any TenantDirectory, clock: any WallClock, publicURL: String) {
        self.database = database
        self.tenants = tenants
        self.clock = clock
        self.publicURL = publicURL
    }

    private static func key(_ tenant: TenantID) -> StoreKey { Keyspace.tenant(tenant, "stripe-integration").key() }

    /// The secret webhooks are verified with, `nil` until one is stored.
    public func webhookSecret(_ tenant: TenantID) throws -> String? {
        try stored(tenant)?.webhookSecret
    }

    public func status(_ tenant: TenantID) throws -> StripeIntegrationStatus {
        try status(tenant, stored(tenant))
    }

    /// Stores (or replaces) the secret; 400 `validation_failed` on `webhookSecret` unless it looks like Stripe's.
    public func configure(_ tenant: TenantID, webhookSecret: String) async throws -> StripeIntegrationStatus {
        try Self.validate(webhookSecret)
        let integration = StripeIntegration(webhookSecret: webhookSecret, updatedAt: clock.now())
        try await database.write { store, events in
            try store.put(.records, Self.key(tenant), RecordCoding.encode(integration))
            events.record(StripeIntegrationChanged(tenant: tenant, configured: true, at: integration.updatedAt))
        }
        return try status(tenant, integration)
    }

    /// Forgets the secret, after which webhooks answer 404 `integration_not_configured`. Removing nothing is fine.
    public func remove(_ tenant: TenantID) async throws {
        let now = clock.now()
        try await database.write { store, events in
            if try store.delete(.records, Self.key(tenant)) {
                events.record(StripeIntegrationChanged(tenant: tenant, configured: false, at: now))
            }
        }
    }

    private func stored(_ tenant: TenantID) throws -> StripeIntegration? {
        try database.read { store in try store.get(.records, Self.key(tenant)).map { try RecordCoding.decode(StripeIntegration.self, from: $0) } }
    }

    private func status(_ tenant: TenantID, _ integration: StripeIntegration?) throws -> StripeIntegrationStatus {
        guard let handle = try tenants.tenant(tenant)?.handle else { throw DomainError.notFound("Organization") }
        return StripeIntegrationStatus(
            configured: integration != nil,
            webhookURL: "\(publicURL)/api/integrations/stripe/\(handle)/webhook",
            secretLast4: integration.map { String($0.webhookSecret.suffix(4)) })
    }

    static func validate(_ secret: String) throws(DomainError) {
        let body = secret.utf8.dropFirst(secretPrefix.utf8.count)
        guard secret.hasPrefix(secretPrefix), secretLengths.contains(body.count), body.allSatisfy(secretCharacters.contains) else {
            throw DomainError.validation(
                "webhookSecret", "webhookSecret must be the endpoint's signing secret: whsec_ followed by \(secretLengths.lowerBound)-\(secretLengths.upperBound) letters or digits")
        }
    }
}

/// `org.stripe_integration_changed`, for the audit log (the secret itself is never in an event).
public struct StripeIntegrationChanged: DomainEvent {
    public static let name = "org.stripe_integration_changed"
    public let tenant: TenantID
    public let configured: Bool
    public let at: Date
}
