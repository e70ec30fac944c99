import Foundation
import HTTPTypes
import Kernel
import Testing

@Suite struct ServerToServerAPITests {
    static func sale(_ event: String, slug: String = "jane-recommends", cents: Int = 9_900, currency: String = "USD") -> String {
        #"{"externalEventId":"\#(event)","affiliateSlug":"\#(slug)","amountCents":\#(cents),"currency":"\#(currency)","customerId":"cus_external_xyz"}"#
    }

    @Test func aSignedSaleCreatesAPendingConversionOnce() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane-recommends")
            let backend = try await SignedTracking.make(api, shop)
            let signedAt = Int(Date().timeIntervalSince1970)
            let fresh = try await backend.post(
                api, "s2s", Self.sale("purchase_abc123"), signature: SignedTracking.signature(Self.sale("purchase_abc123"), secret: backend.secret, at: signedAt))
            #expect(fresh.status == .ok && fresh.json.keys == ["ok", "conversionId"] && fresh.json["ok"] == .bool(true))
            // A retry signs anew (an identical signature is a replay, refused below).
            let resigned = SignedTracking.signature(Self.sale("purchase_abc123"), secret: backend.secret, at: signedAt - 1)
            let again = try await backend.post(api, "s2s", Self.sale("purchase_abc123"), signature: resigned)
            #expect(again.json == .object([("ok", .bool(true)), ("deduped", .bool(true))]))
            // The Bearer header works as well.
            let body = Self.sale("purchase_def456")
            let bearer = try await api.call(
                .post, "/api/tracking/s2s", token: shop.key, body: body,
                headers: [HTTPField.Name("X-Rekomi-Signature")!: SignedTracking.signature(body, secret: backend.secret)])
            #expect(bearer.json["conversionId"] != nil)
        }
    }

    @Test func signaturesAreCheckedStrictly() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane-recommends")
            let body = Self.sale("e1")
            let noSecret = try await api.call(
                .post, "/api/tracking/s2s", token: shop.key, body: body,
                headers: [HTTPField.Name("X-Rekomi-Signature")!: SignedTracking.signature(body, secret: "rks_guess")])
            #expect(noSecret.status == .unauthorized && noSecret.error == "signing_secret_not_configured")
            let backend = try await SignedTracking.make(api, shop)
            let now = Int(Date().timeIntervalSince1970)
            let missing = try await api.call(.post, "/api/tracking/s2s", token: shop.key, body: body)
            #expect(missing.status == .unauthorized && missing.error == "signature_required")
            #expect(try await backend.post(api, "s2s", body, signature: "sha256=abc").error == "invalid_signature_header")
            let stale = try await backend.post(api, "s2s", body, signature: SignedTracking.signature(body, secret: backend.secret, at: now - 301))
            #expect(stale.status == .unauthorized && stale.error == "timestamp_out_of_tolerance")
            let future = try await backend.post(api, "s2s", body, signature: SignedTracking.signature(body, secret: backend.secret, at: now + 400))
            #expect(future.error == "timestamp_out_of_tolerance")
            let tampered = try await backend.post(api, "s2s", Self.sale("e1", cents: 1), signature: SignedTracking.signature(body, secret: backend.secret))
            #expect(tampered.status == .unauthorized && tampered.error == "invalid_signature")
            let wrongKey = try await backend.post(api, "s2s", body, signature: SignedTracking.signature(body, secret: "rks_other"))
            #expect(wrongKey.error == "invalid_signature")
            // A captured request sent again is refused, even though its event id would merely dedupe.
            let signature = SignedTracking.signature(body, secret: backend.secret)
            #expect(try await backend.post(api, "s2s", body, signature: signature).json["conversionId"] != nil)
            let replay = try await backend.post(api, "s2s", body, signature: signature)
            #expect(replay.status == .conflict && replay.error == "replayed_request")
            // Rotation: a second secret signs too; a revoked one no longer does.
            let second = try await SignedTracking.make(api, shop)
            #expect(try await second.post(api, "s2s", Self.sale("e2")).json["conversionId"] != nil)
            let listed = try await api.admin(.get, "/acme/signing-secrets")
            let firstID = try #require(listed.json.items.first?["id"]?.stringValue)
            _ = try await api.admin(.delete, "/acme/signing-secrets/\(firstID)")
            let revoked = try await backend.post(api, "s2s", Self.sale("e3"))
            #expect(revoked.error == "invalid_signature")
        }
    }

    @Test func badSalesAreRefusedWithClearErrors() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane-recommends")
            try await shop.affiliate(api, code: "waiting", status: "Pending")
            let backend = try await SignedTracking.make(api, shop)
            #expect(try await backend.post(api, "s2s", Self.sale("x1", currency: "XYZ")).error == "unsupported_currency")
            #expect(try await backend.post(api, "s2s", Self.sale("x2", cents: -5)).field == "amountCents")
            #expect(try await backend.post(api, "s2s", #"{"affiliateSlug":"jane-recommends","amountCents":1,"currency":"USD"}"#).field == "externalEventId")
            #expect(try await backend.post(api, "s2s", #"{"externalEventId":"x3","affiliateSlug":"jane-recommends","amountCents":"99","currency":"USD"}"#).field == "amountCents")
            #expect(try await backend.post(api, "s2s", "[1,2").error == "validation_failed")
            let unknown = try await backend.post(api, "s2s", Self.sale("x4", slug: "nobody"))
            #expect(unknown.status == .notFound && unknown.error == "affiliate_not_found")
            #expect(try await backend.post(api, "s2s", Self.sale("x5", slug: "waiting")).error == "affiliate_not_approved")
            // Another tenant's affiliate is unknown here, and its key cannot record for this tenant.
            let other = try await TrackingFixture.make(api, handle: "other")
            try await other.affiliate(api, code: "theirs")
            #expect(try await backend.post(api, "s2s", Self.sale("x6", slug: "theirs")).error == "affiliate_not_found")
            let reader = try await api.key("acme", scope: "read")
            let readOnly = SignedTracking(key: reader, secret: backend.secret)
            #expect(try await readOnly.post(api, "s2s", Self.sale("x7")).status == .forbidden)
        }
    }

    @Test func thePlanGateAcceptsTrialsAndRefusesNone() async throws {
        try await APIHarness.run { api in
            let cases: [(handle: String, plan: String, status: String, refused: Bool)] = [
                ("trial", "Trial", "Trialing", false), ("none", "Starter", "None", true), ("starter", "Starter", "Active", false),
            ]
            for (handle, plan, status, refused) in cases {
                let key = try await api.tenantKey(handle, plan: plan, status: status)
                let secret = try await api.admin(.post, "/\(handle)/signing-secrets").json["secret"]!.stringValue!
                let backend = SignedTracking(key: key, secret: secret)
                let reply = try await backend.post(api, "s2s", Self.sale("p1", slug: "nobody"))
                #expect((reply.status.code == 402) == refused, "\(handle): \(reply.raw)")
            }
        }
    }

    @Test func concurrentRetriesRecordOneConversion() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane-recommends")
            let backend = try await SignedTracking.make(api, shop)
            let now = Int(Date().timeIntervalSince1970)
            let replies = try await withThrowingTaskGroup(of: APIHarness.Reply.self) { group in
                for offset in 0..<20 {
                    let body = Self.sale("same-event")
                    group.addTask { try await backend.post(api, "s2s", body, signature: SignedTracking.signature(body, secret: backend.secret, at: now - offset)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.filter { $0.json["conversionId"] != nil }.count == 1)
            #expect(replies.filter { $0.json["deduped"] == .bool(true) }.count == 19)
        }
    }
}
