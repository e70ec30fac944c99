import Hummingbird
import Kernel
@testable import StripeBilling
import Testing

@Suite struct StripeIntegrationAPITests {
    static let secret = "whsec_5f1cC8b3pQeZa9LxT0mRk2VwYd7NhUj4"

    @Test func unsetAnswersTheURLToGiveStripeAndNothingElse() async throws {
        try await StripeHarness.run { harness in
            let reply = try await harness.call(.get, "/api/v1/integrations/stripe", tenant: 1)
            #expect(reply.status == .ok)
            #expect(reply.raw == #"{"configured":false,"webhookUrl":"https://track.example.com/api/integrations/stripe/acme/webhook","secretLast4":null}"#)
        }
    }

    @Test func storingShowsOnlyTheLastFourAndDeletingForgets() async throws {
        try await StripeHarness.run { harness in
            let stored = try await harness.call(.put, "/api/v1/integrations/stripe", tenant: 1, body: #"{"webhookSecret":"\#(Self.secret)"}"#)
            #expect(stored.status == .ok)
            #expect(stored.raw == #"{"configured":true,"webhookUrl":"https://track.example.com/api/integrations/stripe/acme/webhook","secretLast4":"hUj4"}"#)
            #expect(!stored.raw.contains("whsec_"))
            #expect(try await harness.call(.get, "/api/v1/integrations/stripe", tenant: 1).raw == stored.raw)
            // Another tenant's setting is its own.
            #expect(try await harness.call(.get, "/api/v1/integrations/stripe", tenant: 2).json["configured"] == .bool(false))

            let deleted = try await harness.call(.delete, "/api/v1/integrations/stripe", tenant: 1)
            #expect(deleted.status == .noContent)
            #expect(deleted.raw.isEmpty)
            #expect(try await harness.call(.get, "/api/v1/integrations/stripe", tenant: 1).json["configured"] == .bool(false))
            #expect(try await harness.call(.delete, "/api/v1/integrations/stripe", tenant: 1).status == .noContent)
        }
    }

    @Test func secretsThatAreNotStripesAreRefused() async throws {
        try await StripeHarness.run { harness in
            for body in [
                #"{"webhookSecret":"sk_live_5f1cC8b3pQeZa9LxT0mRk2Vw"}"#, #"{"webhookSecret":"whsec_short"}"#,
                #"{"webhookSecret":"whsec_has spaces in it ok"}"#, #"{"webhookSecret":"whsec_\#(String(repeating: "a", count: 201))"}"#,
                #"{"webhookSecret":42}"#, #"{}"#,
            ] {
                let reply = try await harness.call(.put, "/api/v1/integrations/stripe", tenant: 1, body: body)
                #expect(reply.status == .badRequest, "\(body)")
                #expect(reply.error == "validation_failed", "\(body)")
                #expect(reply.field == "webhookSecret", "\(body)")
            }
            #expect(try await harness.call(.get, "/api/v1/integrations/stripe", tenant: 1).json["configured"] == .bool(false))
        }
    }

    @Test func surroundingWhiteSpaceOfAPasteIsDropped() async throws {
        try await StripeHarness.run { harness in
            let reply = try await harness.call(.put, "/api/v1/integrations/stripe", tenant: 1, body: #"{"webhookSecret":"  \#(Self.secret)\n"}"#)
            #expect(reply.status == .ok)
            #expect(reply.json["secretLast4"] == .string("hUj4"))
        }
    }
}
