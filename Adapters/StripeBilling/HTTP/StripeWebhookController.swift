public import Contracts
import HTTPSupport
import HTTPTypes
public import Hummingbird
public import Kernel

/// Stripe's deliveries for one tenant, turned into billing events for the conversions ledger.
///
/// | method | path                                         | who |
/// |--------|----------------------------------------------|-----|
/// | POST   | /api/integrations/stripe/{handle}/webhook    | Stripe, signed with the tenant's `whsec_` secret |
public struct StripeWebhookController: Sendable {
    /// The provider name the ledger files these events under.
    public static let provider = "stripe"
    /// Stripe's events are a few KiB; a megabyte leaves room for large invoices.
    static let bodyLimit = 1 << 20
    static let signatureHeader = HTTPField.Name(StripeSignature.headerName)!

    let tenants: any TenantDirectory
    let integrations: StripeIntegrationService
    let sink: any BillingEventSink
    let clock: any WallClock

    public init(tenants: any TenantDirectory, integrations: StripeIntegrationService, sink: any BillingEventSink, clock: any WallClock) {
        self.tenants = tenants
        self.integrations = integrations
        self.sink = sink
        self.clock = clock
    }

    /// Mounts the route on a group rooted at `/api/integrations/stripe`.
    public func addRoutes<Context: RequestContext>(to group: RouterGroup<Context>) {
        group.post(":handle/webhook") { request, context in
            let receipt = try await receive(request, handle: context.parameters.get("handle") ?? "")
            return receipt
        }
    }

    /// Authenticates the raw body before reading it, then answers 200 for anything Stripe should not retry:
    /// recorded, already recorded, or nothing to record.
    private func receive(_ request: Request, handle: String) async throws -> JSONValue {
        guard let tenant = try tenants.tenant(handle: handle)?.tenant else { throw DomainError.notFound("Organization") }
        guard let secret = try integrations.webhookSecret(tenant) else {
            throw DomainError(.notFound, "integration_not_configured", "This organization has not configured its Stripe webhook secret")
        }
        let body = try await request.bytes(limit: Self.bodyLimit)
        try StripeSignature.verify(header: request.headers.value(Self.signatureHeader), payload: body, secret: secret, now: clock.now())
        let parsed = try StripeEventParser.parse(body)
        let outcome = try await sink.apply(parsed.event, provider: Self.provider, tenant: tenant)
        return Self.receipt(outcome, parsed: parsed)
    }

    /// `{ received, outcome, reason }`; for an event the adapter itself set aside, its own reason is the precise one.
    static func receipt(_ outcome: BillingOutcome, parsed: ParsedStripeEvent) -> JSONValue {
        let (name, reason): (String, String?) =
            switch outcome {
            case .recorded: ("recorded", nil)
            case .duplicate: ("duplicate", nil)
            case .ignored(let reason): ("ignored", parsed.ignoredReason ?? reason)
            }
        return .object([("received", .bool(true)), ("outcome", .string(name)), ("reason", .string(reason))])
    }
}
