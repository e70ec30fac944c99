import Contracts
import Foundation
import Hummingbird
import Kernel
@testable import StripeBilling
import Testing

@Suite struct StripeWebhookAPITests {
    static let acmeSecret = "whsec_acmeAcmeAcme1234567890abcdef"
    static let globexSecret = "whsec_globexGlobex0987654321fedcba"

    @Test func aSignedPaymentReachesTheSinkForItsTenant() async throws {
        try await StripeHarness.run { harness in
            try await harness.configure(1, secret: Self.acmeSecret)
            let event = InvoiceFixtures.basil()
            let reply = try await harness.deliver(event, to: "acme", secret: Self.acmeSecret)
            #expect(reply.status == .ok)
            #expect(reply.raw == #"{"received":true,"outcome":"recorded","reason":null}"#)
            let applied = try #require(harness.sink.applied.first)
            #expect(harness.sink.applied.count == 1)
            #expect(applied.provider == "stripe")
            #expect(applied.tenant == TenantID(number: 1))
            #expect(applied.event == (try StripeEventParser.parse(Array(event.utf8))).event)
        }
    }

    @Test func aRedeliveryIsADuplicate() async throws {
        try await StripeHarness.run { harness in
            try await harness.configure(1, secret: Self.acmeSecret)
            let event = ChargeAndSubscriptionFixtures.refunded(amountRefunded: 500)
            _ = try await harness.deliver(event, to: "acme", secret: Self.acmeSecret)
            harness.clock.advance(by: 3_600)
            let again = try await harness.deliver(event, to: "acme", secret: Self.acmeSecret, at: StripeHarness.now + 3_600)
            #expect(again.status == .ok)
            #expect(again.json["outcome"] == .string("duplicate"))
        }
    }

    @Test func anIgnoredEventIsAcknowledgedWithTheAdaptersReason() async throws {
        try await StripeHarness.run { harness in
            try await harness.configure(1, secret: Self.acmeSecret)
            let reply = try await harness.deliver(ChargeAndSubscriptionFixtures.customerCreated, to: "acme", secret: Self.acmeSecret)
            #expect(reply.status == .ok)
            #expect(reply.raw == #"{"received":true,"outcome":"ignored","reason":"event_type_not_handled"}"#)
            #expect(harness.sink.applied.map(\.event.fact) == [.ignored])
        }
    }

    @Test func unknownHandlesAndUnconfiguredTenantsAreNotFound() async throws {
        try await StripeHarness.run { harness in
            let unknown = try await harness.deliver(ChargeAndSubscriptionFixtures.subscriptionDeleted, to: "nobody", secret: Self.acmeSecret)
            #expect(unknown.status == .notFound)
            #expect(unknown.error == "not_found")
            let unconfigured = try await harness.deliver(ChargeAndSubscriptionFixtures.subscriptionDeleted, to: "globex", secret: Self.globexSecret)
            #expect(unconfigured.status == .notFound)
            #expect(unconfigured.error == "integration_not_configured")
            #expect(harness.sink.applied.isEmpty)
        }
    }

    @Test func badSignaturesNeverReachTheSink() async throws {
        try await StripeHarness.run { harness in
            try await harness.configure(1, secret: Self.acmeSecret)
            try await harness.configure(2, secret: Self.globexSecret)
            let event = ChargeAndSubscriptionFixtures.subscriptionDeleted
            let cases: [(String?, String)] = [
                (nil, "signature_required"),
                ("t=\(StripeHarness.now)", "invalid_signature_header"),
                // Signed for another tenant: each tenant's secret vouches only for its own endpoint.
                (StripeSigning.header(event, secret: Self.globexSecret, at: StripeHarness.now), "invalid_signature"),
                (StripeSigning.header(event + " ", secret: Self.acmeSecret, at: StripeHarness.now), "invalid_signature"),
                (StripeSigning.header(event, secret: Self.acmeSecret, at: StripeHarness.now - 301), "timestamp_out_of_tolerance"),
                (StripeSigning.header(event, secret: Self.acmeSecret, at: StripeHarness.now + 301), "timestamp_out_of_tolerance"),
            ]
            for (signature, code) in cases {
                let reply = try await harness.deliver(event, to: "acme", signature: signature)
                #expect(reply.status == .badRequest, "\(code)")
                #expect(reply.error == code)
            }
            #expect(harness.sink.applied.isEmpty)
        }
    }

    @Test func aSignedBodyThatIsNotJSONIsInvalidJSON() async throws {
        try await StripeHarness.run { harness in
            try await harness.configure(1, secret: Self.acmeSecret)
            let reply = try await harness.deliver(#"{"id": "evt_1", "type":"#, to: "acme", secret: Self.acmeSecret)
            #expect(reply.status == .badRequest)
            #expect(reply.error == "invalid_json")
            #expect(harness.sink.applied.isEmpty)
        }
    }

    @Test func bodiesOverOneMebibyteAreRefused() async throws {
        try await StripeHarness.run { harness in
            try await harness.configure(1, secret: Self.acmeSecret)
            let padding = String(repeating: "x", count: 1 << 20)
            let event = #"{"id":"evt_big","object":"event","type":"customer.created","created":1,"data":{"object":{"id":"cus_1","note":"\#(padding)"}}}"#
            let reply = try await harness.deliver(event, to: "acme", secret: Self.acmeSecret)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.error == "payload_too_large")
        }
    }

    @Test func deletingTheSecretStopsDeliveries() async throws {
        try await StripeHarness.run { harness in
            try await harness.configure(1, secret: Self.acmeSecret)
            try await harness.call(.delete, "/api/v1/integrations/stripe", tenant: 1)
            let reply = try await harness.deliver(ChargeAndSubscriptionFixtures.subscriptionDeleted, to: "acme", secret: Self.acmeSecret)
            #expect(reply.error == "integration_not_configured")
        }
    }
}
