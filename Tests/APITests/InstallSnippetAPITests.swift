import HTTPTypes
import Kernel
import Testing

@Suite struct InstallSnippetAPITests {
    static let publicURL = "https://track.example.com/"

    /// The spec's snippet, character for character.
    func expected(_ id: String, params: String? = nil, pixel: String? = nil) -> String {
        let attributes = #"data-program-id="\#(id)""# + (params.map { #" data-rkmi-params="\#($0)""# } ?? "")
            + (pixel.map { #" data-rekomi-org="\#($0)""# } ?? "")
        return "<!-- Rekomi tracking -->\n<script async src=\"https://track.example.com/api/v1/r/loader.js\" \(attributes)></script>\n"
            + "<noscript>\n <img src=\"https://track.example.com/api/v1/r/c.gif\" width=\"1\" height=\"1\" alt=\"\" />\n</noscript>"
    }

    func program(_ api: APIHarness, _ key: String, _ slug: String) async throws -> String {
        let created = try await api.createProgram(key, #"{"name":"\#(slug)","slug":"\#(slug)","defaultCommissionValue":20}"#)
        return try #require(created["id"]?.stringValue)
    }

    @Test func theSnippetNamesTheNewestOpenProgram() async throws {
        try await APIHarness.run(publicURL: Self.publicURL) { api in
            let key = try await api.tenantKey("acme")
            let none = try await api.call(.get, "/api/v1/r/install-snippet", token: key)
            #expect(none.status == .notFound && none.error == "no_program_found")

            let oldest = try await program(api, key, "oldest")
            let middle = try await program(api, key, "middle")
            let newest = try await program(api, key, "newest")
            let reply = try await api.call(.get, "/api/v1/r/install-snippet", token: key)
            #expect(reply.status == .ok)
            #expect(reply.json.keys == ["snippet", "programId", "programSlug", "withPixel", "hasCustomAttributionParams", "customAttributionParams"])
            #expect(reply.json["snippet"]?.stringValue == expected(newest))
            #expect(reply.json["programId"] == .string(newest) && reply.json["programSlug"] == .string("newest"))
            #expect(reply.json["withPixel"] == .bool(false) && reply.json["hasCustomAttributionParams"] == .bool(false))
            #expect(reply.json["customAttributionParams"] == .null)

            // Archived and paused programs are passed over for the default.
            #expect(try await api.call(.delete, "/api/v1/programs/\(newest)", token: key).status == .noContent)
            _ = try await api.call(.patch, "/api/v1/programs/\(middle)", token: key, body: #"{"isActive":false}"#)
            #expect(try await api.call(.get, "/api/v1/r/install-snippet", token: key).json["programId"] == .string(oldest))
            // A named program may be paused, not archived.
            let paused = try await api.call(.get, "/api/v1/r/install-snippet?programId=\(middle)&withPixel=false", token: key)
            #expect(paused.json["snippet"]?.stringValue == expected(middle) && paused.json["programSlug"] == .string("middle"))
            #expect(try await api.call(.get, "/api/v1/r/install-snippet?programId=\(newest)", token: key).error == "no_program_found")
        }
    }

    @Test func customParamsAndThePixelKeyAreEmbedded() async throws {
        try await APIHarness.run(publicURL: Self.publicURL) { api in
            let key = try await api.tenantKey("acme")
            let id = try await program(api, key, "main")
            _ = try await api.call(.patch, "/api/v1/settings/attribution-params", token: key, body: #"{"custom":"my_aff,brand_ref"}"#)
            let custom = try await api.call(.get, "/api/v1/r/install-snippet?programId=\(id)", token: key)
            #expect(custom.json["snippet"]?.stringValue == expected(id, params: "my_aff,brand_ref"))
            #expect(custom.json["hasCustomAttributionParams"] == .bool(true))
            #expect(custom.json["customAttributionParams"] == .string("my_aff,brand_ref"))

            let missing = try await api.call(.get, "/api/v1/r/install-snippet?withPixel=true", token: key)
            #expect(missing.status == .conflict && missing.error == "pixel_not_provisioned")
            let pixelKey = try #require(try await api.call(.post, "/api/v1/settings/web-tracking/pixel-key", token: key).json["pixelPublicKey"]?.stringValue)
            let pixel = try await api.call(.get, "/api/v1/r/install-snippet?withPixel=true", token: key)
            #expect(pixel.json["snippet"]?.stringValue == expected(id, params: "my_aff,brand_ref", pixel: pixelKey))
            #expect(pixel.json["withPixel"] == .bool(true))
            let reader = try await api.key("acme", scope: "read")
            let read = try await api.call(.get, "/api/v1/r/install-snippet?withPixel=false", token: reader)
            #expect(read.status == .ok && read.json["snippet"]?.stringValue == expected(id, params: "my_aff,brand_ref"))
        }
    }

    @Test func queryValuesAreValidated() async throws {
        try await APIHarness.run(publicURL: Self.publicURL) { api in
            let key = try await api.tenantKey("acme")
            _ = try await program(api, key, "main")
            for (query, field) in [("programId=nope", "programId"), ("programId=", "programId"), ("withPixel=yes", "withPixel"), ("withPixel=1", "withPixel")] {
                let reply = try await api.call(.get, "/api/v1/r/install-snippet?\(query)", token: key)
                #expect(reply.status == .badRequest && reply.error == "validation_failed" && reply.field == field, "\(query)")
            }
        }
    }

    @Test func anotherTenantsProgramIsNotFound() async throws {
        try await APIHarness.run(publicURL: Self.publicURL) { api in
            let acme = try await api.tenantKey("acme")
            let globex = try await api.tenantKey("globex")
            let acmeProgram = try await program(api, acme, "main")
            _ = try await program(api, globex, "main")
            for id in [acmeProgram, "0190a3c4-0000-7000-8000-000000000000"] {
                let reply = try await api.call(.get, "/api/v1/r/install-snippet?programId=\(id)", token: globex)
                #expect(reply.status == .notFound && reply.error == "no_program_found", "\(id)")
            }
        }
    }

    @Test func theSnippetNeedsStarterAndAKey() async throws {
        try await APIHarness.run(publicURL: Self.publicURL) { api in
            let unsubscribed = try await api.tenantKey("none", plan: "Starter", status: "None")
            let refused = try await api.call(.get, "/api/v1/r/install-snippet", token: unsubscribed)
            #expect(refused.status.code == 402 && refused.error == "plan_tier_required" && refused.json["required"] == .string("Starter"))
            #expect(try await api.call(.get, "/api/v1/r/install-snippet").status == .unauthorized)
        }
    }
}
