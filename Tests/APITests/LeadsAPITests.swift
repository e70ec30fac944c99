import Foundation
import HTTPTypes
import Kernel
import Testing

@Suite struct LeadsAPITests {
    @Test func signedLeadsDedupeByEventIdAndEmail() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane-recommends")
            try await shop.affiliate(api, code: "mallory")
            let backend = try await SignedTracking.make(api, shop)
            let body = #"{"affiliateSlug":"jane-recommends","email":"user@example.com","name":"Jane Doe","externalEventId":"signup_abc123"}"#
            let signedAt = Int(Date().timeIntervalSince1970)
            let fresh = try await backend.post(api, "lead", body, signature: SignedTracking.signature(body, secret: backend.secret, at: signedAt))
            #expect(fresh.status == .ok && fresh.json.keys == ["ok", "leadId"])
            let retry = try await backend.post(api, "lead", body, signature: SignedTracking.signature(body, secret: backend.secret, at: signedAt - 2))
            #expect(retry.json["deduped"] == .bool(true))
            // Another affiliate cannot take over an email that is already a lead.
            let takeover = try await backend.post(api, "lead", #"{"affiliateSlug":"mallory","email":"USER@example.com"}"#)
            #expect(takeover.json["deduped"] == .bool(true))
            #expect(try await backend.post(api, "lead", #"{"affiliateSlug":"jane-recommends","email":"not-an-email"}"#).field == "email")
            #expect(try await backend.post(api, "lead", #"{"email":"a@example.com"}"#).field == "affiliateSlug")
            let unsigned = try await api.call(.post, "/api/tracking/lead", token: shop.key, body: body)
            #expect(unsigned.status == .unauthorized && unsigned.error == "signature_required")
        }
    }

    @Test func browserSignupsAreAlwaysOpaque() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane-recommends")
            let backend = try await SignedTracking.make(api, shop)
            let signup = #"{"slug":"jane-recommends","email":"first@example.com","name":"Jane Doe","programId":"\#(shop.program)"}"#
            let recorded = try await api.call(.post, "/api/v1/r/lead/signup", body: signup, headers: TrackingFixture.origin)
            #expect(recorded.status == .ok && recorded.json == .object([("ok", .bool(true))]))
            #expect(recorded.header("Access-Control-Allow-Origin") == "https://www.shop.example")
            for (body, headers) in [
                (#"{"slug":"nobody","email":"x@example.com"}"#, TrackingFixture.origin), ("{oops", TrackingFixture.origin),
                (#"{"slug":"jane-recommends","email":"forged@example.com"}"#, [.origin: "https://attacker.example"] as HTTPFields),
            ] {
                let reply = try await api.call(.post, "/api/v1/r/lead/signup", body: body, headers: headers)
                #expect(reply.status == .ok && reply.raw == recorded.raw)
            }
            // The browser's lead holds the email; the forged one was not recorded, so the signed API may still claim it.
            #expect(try await backend.post(api, "lead", #"{"affiliateSlug":"jane-recommends","email":"first@example.com"}"#).json["deduped"] == .bool(true))
            #expect(try await backend.post(api, "lead", #"{"affiliateSlug":"jane-recommends","email":"forged@example.com"}"#).json["leadId"] != nil)
        }
    }
}
