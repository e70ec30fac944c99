import Crypto
import Foundation
import HTTPTypes
import Kernel
import Testing

/// Stripe events, signed as Stripe signs them, through the webhook into the real ledger and back out of the
/// conversions API.
@Suite struct StripeAPITests {
    static let secret = "whsec_test_0123456789abcdef"

    static func signature(_ body: String, secret: String = secret, at time: Int = Int(Date().timeIntervalSince1970)) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(time).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(time),v1=\(Hex.encode(mac))"
    }

    static func event(_ id: String, _ type: String, _ object: String) -> String {
        #"{"id":"\#(id)","object":"event","api_version":"2023-10-16","created":\#(Int(Date().timeIntervalSince1970)),"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"\#(type)","data":{"object":\#(object)}}"#
    }

    static func checkout(token: String) -> String {
        #"{"id":"cs_test_1","object":"checkout.session","mode":"subscription","status":"complete","payment_status":"paid","amount_total":4900,"amount_subtotal":4900,"currency":"usd","customer":"cus_1","customer_details":{"email":"buyer@example.com"},"client_reference_id":"\#(token)","metadata":{},"payment_intent":null,"subscription":"sub_1","invoice":"in_1"}"#
    }

    static func invoice(_ id: String, reason: String, charge: String) -> String {
        #"{"id":"\#(id)","object":"invoice","customer":"cus_1","customer_email":"buyer@example.com","subscription":"sub_1","subscription_details":{"metadata":{}},"amount_due":4900,"amount_paid":4900,"amount_remaining":0,"currency":"usd","billing_reason":"\#(reason)","status":"paid","paid":true,"metadata":{},"charge":"\#(charge)","payment_intent":"pi_\#(id)","total":4900,"subtotal":4900,"lines":{"object":"list","data":[]}}"#
    }

    static func refund(_ charge: String, invoice: String, refunded: Int) -> String {
        #"{"id":"\#(charge)","object":"charge","amount":4900,"amount_captured":4900,"amount_refunded":\#(refunded),"refunded":\#(refunded == 4900),"currency":"usd","customer":"cus_1","invoice":"\#(invoice)","metadata":{},"payment_intent":"pi_\#(invoice)","status":"succeeded","paid":true,"captured":true}"#
    }

    func post(_ api: APIHarness, _ body: String, signature: String? = nil, handle: String = "acme") async throws -> APIHarness.Reply {
        try await api.call(
            .post, "/api/integrations/stripe/\(handle)/webhook", body: body, headers: [HTTPField.Name("Stripe-Signature")!: signature ?? Self.signature(body)])
    }

    @Test func aSubscriptionIsCreditedRenewedAndRefunded() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api, program: #","recurringMonths":1"#)
            let jane = try await shop.affiliate(api, code: "jane")
            let click = try await shop.click(api, #""pageUrl":"https://shop.example/?via=jane""#)
            let token = try #require(click.json["clickToken"]?.stringValue)
            // Before the secret is set there is nothing to verify against.
            let early = try await post(api, Self.event("evt_0", "checkout.session.completed", Self.checkout(token: token)))
            #expect(early.status == .notFound && early.error == "integration_not_configured")
            let configured = try await api.call(.put, "/api/v1/integrations/stripe", token: shop.key, body: #"{"webhookSecret":"\#(Self.secret)"}"#)
            #expect(configured.status == .ok && configured.json["configured"] == .bool(true))

            let steps: [(String, String)] = [
                (Self.event("evt_1", "checkout.session.completed", Self.checkout(token: token)), "recorded"),
                (Self.event("evt_1", "checkout.session.completed", Self.checkout(token: token)), "duplicate"),  // redelivery
                (Self.event("evt_2", "invoice.paid", Self.invoice("in_1", reason: "subscription_create", charge: "ch_1")), "duplicate"),  // same payment
                (Self.event("evt_3", "invoice.paid", Self.invoice("in_2", reason: "subscription_cycle", charge: "ch_2")), "recorded"),
                (Self.event("evt_4", "invoice.payment_succeeded", Self.invoice("in_2", reason: "subscription_cycle", charge: "ch_2")), "duplicate"),
                (Self.event("evt_5", "invoice.paid", Self.invoice("in_3", reason: "subscription_cycle", charge: "ch_3")), "ignored"),  // past recurringMonths
                (Self.event("evt_6", "charge.refunded", Self.refund("ch_2", invoice: "in_2", refunded: 1_225)), "recorded"),
                (Self.event("evt_7", "charge.refunded", Self.refund("ch_2", invoice: "in_2", refunded: 4_900)), "recorded"),
                (Self.event("evt_8", "customer.created", #"{"id":"cus_2","object":"customer"}"#), "ignored"),
            ]
            for (body, outcome) in steps {
                let reply = try await post(api, body)
                #expect(reply.status == .ok && reply.json["outcome"] == .string(outcome), "\(reply.raw)")
            }

            let items = try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"]?.arrayElements ?? []
            #expect(items.count == 2)
            let (renewal, initial) = (items[0], items[1])
            #expect(initial["type"] == .string("Recurring") && initial["amountCents"] == .int(4_900) && initial["commissionCents"] == .int(980))
            #expect(initial["affiliateId"] == .string(jane) && initial["attributionMethod"] == .string("metadata_or_customer"))
            #expect(initial["stripeSubscriptionId"] == .string("sub_1") && initial["stripeCustomerId"] == .string("cus_1"))
            #expect(renewal["status"] == .string("Refunded") && renewal["commissionCents"] == .int(0) && renewal["refundedAt"] != .null)
            let detail = try await api.call(.get, "/api/v1/conversions/\(initial["id"]!.stringValue!)", token: shop.key)
            let timeline = detail.json["events"]?.arrayElements?.compactMap { $0["eventType"]?.stringValue }
            #expect(timeline == ["initial", "renewal", "renewal_not_commissioned", "refund", "refund"])
            let refunds = detail.json["events"]?.arrayElements?.filter { $0["eventType"] == .string("refund") }.map { $0["commissionCents"] }
            #expect(refunds == [.int(-245), .int(-735)])
        }
    }

    @Test func forgedAndStaleDeliveriesAreRefused() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            _ = try await api.call(.put, "/api/v1/integrations/stripe", token: shop.key, body: #"{"webhookSecret":"\#(Self.secret)"}"#)
            let body = Self.event("evt_1", "customer.created", #"{"id":"cus_2","object":"customer"}"#)
            let wrong = try await post(api, body, signature: Self.signature(body, secret: "whsec_other"))
            #expect(wrong.status == .badRequest && wrong.error == "invalid_signature")
            let stale = try await post(api, body, signature: Self.signature(body, at: Int(Date().timeIntervalSince1970) - 301))
            #expect(stale.status == .badRequest && stale.error == "timestamp_out_of_tolerance")
            let missing = try await api.call(.post, "/api/integrations/stripe/acme/webhook", body: body)
            #expect(missing.status == .badRequest && missing.error == "signature_required")
            for handle in ["nobody", String(repeating: "a", count: 600)] {
                #expect(try await post(api, body, handle: handle).status == .notFound)
            }
            // A rolled secret: either v1 may match.
            let rolled = Self.signature(body, secret: "whsec_old") + ",v1=" + Self.signature(body).components(separatedBy: "v1=")[1]
            #expect(try await post(api, body, signature: rolled).json["outcome"] == .string("ignored"))
            // The secret is never shown again, and another tenant's key cannot see it.
            let status = try await api.call(.get, "/api/v1/integrations/stripe", token: shop.key)
            #expect(status.json["secretLast4"] == .string("cdef") && !status.raw.contains(Self.secret))
        }
    }
}
