import HTTPTypes
import Kernel
import Testing

@Suite struct StorefrontAPITests {
    @Test func landingPagesResolveByHandleAndCampaign() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let first = try await api.createProgram(key, #"{"name":"First","slug":"first","defaultCommissionValue":10,"description":"d"}"#)
            let holiday = try await api.createProgram(key, holidayProgram)
            let primary = try await api.call(.get, "/api/p/by-handle/acme")
            #expect(primary.json.keys == ["id", "organizationName", "name", "slug", "description", "termsUrl", "customAliasSupported"])
            #expect(primary.json["id"] == first["id"] && primary.json["organizationName"] == .string("acme"))
            #expect(try await api.call(.get, "/api/p/by-handle/acme/holiday-2026").json["id"] == holiday["id"])
            _ = try await api.createProgram(key, #"{"name":"Default","slug":"default","defaultCommissionValue":10}"#)
            #expect(try await api.call(.get, "/api/p/by-handle/acme").json["slug"] == .string("default"))

            _ = try await api.call(.patch, "/api/v1/programs/\(holiday["id"]!.stringValue!)", token: key, body: #"{"isActive":false}"#)
            _ = try await api.call(.delete, "/api/v1/programs/\(first["id"]!.stringValue!)", token: key)
            // A handle or slug longer than any stored key is simply not there.
            let long = String(repeating: "a", count: 600)
            for path in [
                "/api/p/by-handle/acme/holiday-2026", "/api/p/by-handle/acme/first", "/api/p/by-handle/nobody", "/api/p/by-handle/nobody/default",
                "/api/p/by-handle/\(long)", "/api/p/by-handle/acme/\(long)",
            ] {
                let reply = try await api.call(.get, path)
                #expect(reply.status == .notFound, "\(path)")
                #expect(reply.error == "not_found")
            }
            #expect(try await api.call(.get, "/api/p/by-handle/acme").header("X-RateLimit-Remaining") != nil)
        }
    }

    @Test func onlyVerifiedCustomDomainsResolve() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let program = try await api.createProgram(key, #"{"name":"P","slug":"partners","defaultCommissionValue":10,"customDomain":"Affiliates.YourBrand.com"}"#)
            #expect(try await api.call(.get, "/api/p/by-domain?host=affiliates.yourbrand.com").status == .notFound)
            #expect(try await api.call(.get, "/api/p/by-domain").field == "host")
            let verified = try await api.admin(.post, "/acme/programs/\(program["id"]!.stringValue!)/verify-domain")
            #expect(verified.json["customDomainVerified"] == .bool(true))
            let resolved = try await api.call(.get, "/api/p/by-domain?host=affiliates.yourbrand.com")
            #expect(resolved.json == .object([("handle", .string("acme")), ("slug", .string("partners"))]))
            _ = try await api.call(.patch, "/api/v1/programs/\(program["id"]!.stringValue!)", token: key, body: #"{"customDomain":"go.yourbrand.com"}"#)
            #expect(try await api.call(.get, "/api/p/by-domain?host=go.yourbrand.com").status == .notFound)
            #expect(try await api.call(.get, "/api/p/by-domain?host=affiliates.yourbrand.com").status == .notFound)
        }
    }

    @Test func applicationsFollowTheSpecResponses() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let review = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            let auto = try await api.createProgram(key, #"{"name":"Auto","slug":"auto","defaultCommissionValue":10,"autoApprove":true,"maxAffiliates":2}"#)["id"]!.stringValue!

            let pending = try await api.call(.post, "/api/p/id/\(review)/apply", body: #"{"email":"newaffiliate@example.com","fullName":"New Affiliate","website":"https://creator.example.com","audience":"200k","whyInterested":"Fan"}"#)
            #expect(pending.status == .ok)
            #expect(pending.json.keys == ["affiliateId", "status", "affiliateLinkSlug", "message"])
            #expect(pending.json["status"] == .string("Pending") && pending.json["affiliateLinkSlug"] == .null)
            #expect(pending.json["message"] == .string("Application received."))
            let duplicate = try await api.call(.post, "/api/p/id/\(review)/apply", body: #"{"email":"NewAffiliate@example.com"}"#)
            #expect(duplicate.status == .ok)
            #expect(duplicate.json == .object([("ok", .bool(true)), ("message", .string("application_received"))]))
            let applications = try await api.call(.get, "/api/v1/affiliates/applications", token: key)
            #expect(applications.json.items.count == 1)
            #expect(applications.json.items.first?["source"] == .string("Public"))
            #expect(!applications.raw.contains("creator.example.com"))

            let approved = try await api.call(.post, "/api/p/id/\(auto)/apply", body: #"{"email":"fit@example.com","customAlias":"newaff-fit"}"#)
            #expect(approved.json["status"] == .string("Approved"))
            #expect(approved.json["affiliateLinkSlug"] == .string("newaff-fit"))
            #expect(approved.json["message"] == .string("Welcome aboard."))
            let taken = try await api.call(.post, "/api/p/id/\(auto)/apply", body: #"{"email":"other@example.com","customAlias":"newaff-fit"}"#)
            #expect(taken.status == .conflict && taken.error == "alias_already_taken")
            #expect(try await api.call(.post, "/api/p/id/\(auto)/apply", body: #"{"email":"x@example.com","customAlias":"No Spaces"}"#).field == "customAlias")
            #expect(try await api.call(.post, "/api/p/id/\(auto)/apply", body: #"{"email":"x@example.com","customAlias":"admin"}"#).error == "slug_reserved")
            #expect(try await api.call(.post, "/api/p/id/\(auto)/apply", body: #"{"email":"nope"}"#).field == "email")
            _ = try await api.call(.post, "/api/p/id/\(auto)/apply", body: #"{"email":"second@example.com"}"#)
            let full = try await api.call(.post, "/api/p/id/\(auto)/apply", body: #"{"email":"third@example.com"}"#)
            #expect(full.status == .conflict && full.error == "program_at_capacity")

            #expect(try await api.call(.post, "/api/p/id/0190b1c2-0000-7000-8000-000000000000/apply", body: #"{"email":"a@b.co"}"#).status == .notFound)
            #expect(try await api.call(.post, "/api/p/id/garbage/apply", body: #"{"email":"a@b.co"}"#).status == .notFound)
            _ = try await api.call(.delete, "/api/v1/programs/\(review)", token: key)
            #expect(try await api.call(.post, "/api/p/id/\(review)/apply", body: #"{"email":"late@example.com"}"#).status == .notFound)
        }
    }

    @Test func applicationsAreRateLimitedPerAddress() async throws {
        try await APIHarness.run(publicWriteRateLimit: 2) { api in
            let key = try await api.tenantKey("acme")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            for number in 0..<2 {
                #expect(try await api.call(.post, "/api/p/id/\(program)/apply", body: #"{"email":"a\#(number)@example.com"}"#).status == .ok)
            }
            let limited = try await api.call(.post, "/api/p/id/\(program)/apply", body: #"{"email":"a9@example.com"}"#)
            #expect(limited.status == .tooManyRequests && limited.header("Retry-After") != nil)
            #expect(try await api.call(.get, "/api/p/by-handle/acme").status == .ok)
        }
    }
}

@Suite struct RecruitsAPITests {
    @Test func recruitsAppearInTheirRecruitersDrilldown() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let program = try await api.createProgram(key, #"{"name":"Auto","slug":"auto","defaultCommissionValue":10,"autoApprove":true}"#)["id"]!.stringValue!
            let recruiter = try await api.call(.post, "/api/v1/affiliates", token: key, body: #"{"programId":"\#(program)","email":"r@x.com"}"#).json["id"]!.stringValue!
            let applied = try await api.call(.post, "/api/p/id/\(program)/apply", body: #"{"email":"recruit@example.com","fullName":"Recruited Person","recruitedByAffiliateId":"\#(recruiter)"}"#)
            let self_ = try await api.call(.post, "/api/p/id/\(program)/apply", body: #"{"email":"other@example.com","recruitedByAffiliateId":"not-an-id"}"#)
            #expect(applied.json["status"] == .string("Approved") && self_.status == .ok)
            let drilldown = try await api.call(.get, "/api/v1/affiliates/\(recruiter)/sub-affiliates", token: key)
            #expect(drilldown.json == .array([
                .object([
                    ("id", applied.json["affiliateId"]!), ("email", .string("recruit@example.com")), ("fullName", .string("Recruited Person")),
                    ("status", .string("Approved")), ("totalCommissionCents", .int(0)), ("overrideEarnedCents", .int(0)), ("currency", .string("USD")),
                ])
            ]))
            let globex = try await api.tenantKey("globex")
            #expect(try await api.call(.get, "/api/v1/affiliates/\(recruiter)/sub-affiliates", token: globex).status == .notFound)
        }
    }
}
