import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
@testable import StripeBilling
import TestSupport

/// The adapter's routes on a Hummingbird server of their own, over a temporary database, driven over HTTP. Tenant 1
/// is `acme`, tenant 2 is `globex`; the clock stands at `now`.
struct StripeHarness: Sendable {
    static let now = 1_780_000_000
    static let publicURL = "https://track.example.com"
    let client: any TestClientProtocol
    let sink: RecordingSink
    let clock: ManualClock

    struct Reply {
        let status: HTTPResponse.Status
        let raw: String
        var json: JSONValue { (try? JSONValue.parse(Array(raw.utf8))) ?? .null }
        var error: String? { json["error"]?.stringValue }
        var field: String? { json["field"]?.stringValue }
    }

    /// Both controllers mounted where the server mounts them, as documented in `openapi.json`.
    static func router(database: Database, clock: any WallClock, sink: any BillingEventSink) -> Router<TestTenantContext> {
        let tenants = FixedTenants([1: "acme", 2: "globex"])
        let integrations = StripeIntegrationService(database: database, tenants: tenants, clock: clock, publicURL: publicURL)
        let router = Router(context: TestTenantContext.self)
        router.add(middleware: TestTenantMiddleware())
        StripeIntegrationController(integrations: integrations).addRoutes(to: router.group("api/v1/integrations/stripe"))
        StripeWebhookController(tenants: tenants, integrations: integrations, sink: sink, clock: clock)
            .addRoutes(to: router.group("api/integrations/stripe"))
        return router
    }

    static func run(_ body: @Sendable (StripeHarness) async throws -> Void) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: TimeInterval(now)))
        let sink = RecordingSink()
        try await withTemporaryDatabase { database, _ in
            let app = Application(
                router: router(database: database, clock: clock, sink: sink), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in try await body(StripeHarness(client: client, sink: sink, clock: clock)) }
        }
    }

    @discardableResult
    func call(_ method: HTTPRequest.Method, _ path: String, tenant: UInt32? = nil, body: String? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let tenant { headers[TestTenantContext.tenantHeader] = String(tenant) }
        if body != nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Reply(status: response.status, raw: String(buffer: response.body))
    }

    /// Stores `secret` as tenant `tenant`'s webhook secret.
    func configure(_ tenant: UInt32, secret: String) async throws {
        let reply = try await call(.put, "/api/v1/integrations/stripe", tenant: tenant, body: #"{"webhookSecret":"\#(secret)"}"#)
        precondition(reply.status == .ok, reply.raw)
    }

    /// Delivers `event` to `handle`'s webhook, signed with `secret` at `timestamp` (now by default).
    func deliver(_ event: String, to handle: String, secret: String, at timestamp: Int = now) async throws -> Reply {
        try await deliver(event, to: handle, signature: StripeSigning.header(event, secret: secret, at: timestamp))
    }

    func deliver(_ event: String, to handle: String, signature: String?) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let signature { headers[HTTPField.Name("Stripe-Signature")!] = signature }
        return try await call(.post, "/api/integrations/stripe/\(handle)/webhook", body: event, headers: headers)
    }
}
