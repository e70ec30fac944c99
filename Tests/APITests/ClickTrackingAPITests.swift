import HTTPTypes
import Kernel
import Testing

@Suite struct ClickTrackingAPITests {
    @Test func aClickAnswersInTheSpecShape() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "john")
            let reply = try await shop.click(
                api, #""pageUrl":"https://yourapp.shop.example/?via=john&utm_source=blog","referralCode":"john","referrer":"https://blog.example.com/review","consentGranted":true"#)
            #expect(reply.status == .ok)
            #expect(reply.json.keys == ["status", "affiliateCode", "programId", "clickToken", "cookieDurationDays", "cookieDomain", "cleanupParams", "warnings"])
            #expect(reply.json["status"] == .string("ok") && reply.json["affiliateCode"] == .string("john"))
            #expect(reply.json["programId"] == .string(shop.program))
            #expect(reply.json["clickToken"]?.stringValue?.hasPrefix("clk_") == true)
            #expect(reply.json["cookieDurationDays"] == .int(30) && reply.json["cookieDomain"] == .string("shop.example"))
            #expect(reply.json["cleanupParams"] == .array([.string("via")]) && reply.json["warnings"] == .array([]))
            #expect(reply.header("Access-Control-Allow-Origin") == "https://www.shop.example")
        }
    }

    @Test func theCodeComesFromThePageUsingTheTenantsParamOrder() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "alice")
            try await shop.affiliate(api, code: "bob")
            // Without custom params `via` wins over `ref`.
            let plain = try await shop.click(api, #""pageUrl":"https://shop.example/p?ref=bob&via=alice""#)
            #expect(plain.json["affiliateCode"] == .string("alice") && plain.json["cleanupParams"] == .array([.string("via"), .string("ref")]))
            _ = try await api.call(.patch, "/api/v1/settings/attribution-params", token: shop.key, body: #"{"custom":"partner"}"#)
            let custom = try await shop.click(api, #""pageUrl":"https://shop.example/p?via=alice&partner=bob""#)
            #expect(custom.json["affiliateCode"] == .string("bob"))
            let alias = try await shop.click(api, #""pageUrl":"https://shop.example/p?a=alice""#)
            #expect(alias.json["affiliateCode"] == .string("alice"))
            let none = try await shop.click(api, #""pageUrl":"https://shop.example/p""#)
            #expect(none.json["status"] == .string("ignored") && none.json["reason"] == .string("referral_code_missing"))
        }
    }

    @Test func forgedOriginsAreRefused() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "john")
            let body = #""pageUrl":"https://shop.example/?via=john""#
            let forged = try await shop.click(api, body, headers: [.origin: "https://shop.example.evil.com"])
            #expect(forged.status == .forbidden && forged.error == "origin_not_allowed")
            let lookalike = try await shop.click(api, body, headers: [.origin: "https://evilshop.example"])
            #expect(lookalike.error == "origin_not_allowed")
            let none = try await shop.click(api, body, headers: [:])
            #expect(none.status == .forbidden && none.error == "origin_required")
            let byReferer = try await shop.click(api, body, headers: [.referer: "https://shop.example/landing?via=john"])
            #expect(byReferer.status == .ok)
            let bare = try await shop.click(api, body, headers: [.origin: "http://shop.example:8443"])
            #expect(bare.status == .ok)
            // A repeated Origin is read joined, as one value: it names no host of the site.
            var twice: HTTPFields = [.origin: "https://www.shop.example"]
            twice.append(HTTPField(name: .origin, value: "https://evil.example"))
            let doubled = try await shop.click(api, body, headers: twice)
            #expect(doubled.error == "origin_not_allowed")
            #expect(doubled.header("Access-Control-Allow-Origin") == "https://www.shop.example, https://evil.example")
        }
    }

    @Test func clicksThatCannotBeAttributedRecordNothingAndSayWhy() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "pending1", status: "Pending")
            #expect(try await shop.click(api, #""pageUrl":"https://shop.example/","referralCode":"nobody""#).json["reason"] == .string("unknown_referral_code"))
            #expect(try await shop.click(api, #""pageUrl":"https://shop.example/","referralCode":"pending1""#).json["reason"] == .string("affiliate_not_approved"))
            // Another tenant's affiliate code is unknown here.
            let other = try await TrackingFixture.make(api, handle: "other")
            try await other.affiliate(api, code: "theirs")
            let stolen = try await shop.click(api, #""pageUrl":"https://shop.example/","referralCode":"theirs""#)
            #expect(stolen.json["reason"] == .string("unknown_referral_code") && stolen.json["clickToken"] == nil)
            try await shop.affiliate(api, code: "john")
            _ = try await api.call(.patch, "/api/v1/programs/\(shop.program)", token: shop.key, body: #"{"isActive":false}"#)
            #expect(try await shop.click(api, #""pageUrl":"https://shop.example/","referralCode":"john""#).json["reason"] == .string("program_inactive"))
        }
    }

    @Test func changesToTheProgramOrAffiliateAreSeenByTheVeryNextClick() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            let body = #""pageUrl":"https://shop.example/?via=john""#
            #expect(try await shop.click(api, body).json["reason"] == .string("unknown_referral_code"))
            let john = try await shop.affiliate(api, code: "john")
            #expect(try await shop.click(api, body).json["status"] == .string("ok"))
            _ = try await api.call(.post, "/api/v1/affiliates/bulk-action", token: shop.key, body: #"{"affiliateIds":["\#(john)"],"action":"pause"}"#)
            #expect(try await shop.click(api, body).json["reason"] == .string("affiliate_not_approved"))
            _ = try await api.call(.patch, "/api/v1/programs/\(shop.program)", token: shop.key, body: #"{"isActive":false}"#)
            #expect(try await shop.click(api, body).json["reason"] == .string("program_inactive"))
            _ = try await api.call(.patch, "/api/v1/programs/\(shop.program)", token: shop.key, body: #"{"websiteDomain":"other.example"}"#)
            #expect(try await shop.click(api, body).error == "origin_not_allowed")
        }
    }

    @Test func badBodiesGetClearErrors() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            let origin = TrackingFixture.origin
            #expect(try await api.call(.post, "/api/tracking/click", body: "{not json", headers: origin).error == "validation_failed")
            let missing = try await api.call(.post, "/api/tracking/click", body: #"{"pageUrl":"https://shop.example/"}"#, headers: origin)
            #expect(missing.status == .badRequest && missing.field == "programId")
            let badID = try await api.call(.post, "/api/tracking/click", body: #"{"programId":"nope","pageUrl":"https://shop.example/"}"#, headers: origin)
            #expect(badID.field == "programId")
            #expect(try await shop.click(api, #""pageUrl":"javascript:alert(1)""#).field == "pageUrl")
            #expect(try await shop.click(api, #""pageUrl":"https://shop.example/","consentGranted":"yes""#).field == "consentGranted")
            let unknown = try await api.call(
                .post, "/api/tracking/click", body: #"{"programId":"0190a0b0-0000-7000-8000-000000000000","pageUrl":"https://shop.example/"}"#, headers: origin)
            #expect(unknown.status == .notFound && unknown.error == "program_not_found")
            let huge = try await shop.click(api, #""pageUrl":"https://shop.example/","referrer":"\#(String(repeating: "x", count: 20_000))""#)
            #expect(huge.status == .contentTooLarge)
            let preflight = try await api.call(.options, "/api/tracking/click", headers: [.origin: "https://shop.example"])
            #expect(preflight.status == .noContent && preflight.header("Access-Control-Allow-Methods")?.contains("POST") == true)
        }
    }

    @Test func withoutConsentTheClickCountsButNoTokenIsIssued() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "john")
            let reply = try await shop.click(
                api, #""pageUrl":"https://shop.example/?via=John&email=a@b.c&utm_source=news","referrer":"https://blog.example/","consentGranted":false"#)
            #expect(reply.json["status"] == .string("ok") && reply.json["clickToken"] == .null && reply.json["affiliateCode"] == .string("john"))
            #expect(reply.json["warnings"] == .array([.string("consent_not_granted")]))
            // Counted, with nothing of its query string or referrer.
            let sources = try await api.call(.get, "/api/v1/dashboard/insights/utm?dimension=source", token: shop.key).json
            #expect(sources["values"] == .array([]))
            let traffic = try await api.call(.get, "/api/v1/dashboard/traffic-sources", token: shop.key).json
            #expect(traffic.arrayElements?.first?["source"] == .string("(direct)"))
        }
    }

    @Test func existingAttributionIsKeptWhereItMustBe() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "alice")
            try await shop.affiliate(api, code: "bob")
            let first = try await shop.click(api, #""pageUrl":"https://shop.example/?via=alice""#)
            let token = try #require(first.json["clickToken"]?.stringValue)

            let repeated = try await shop.click(api, #""pageUrl":"https://shop.example/?via=alice","existingClickToken":"\#(token)""#)
            #expect(repeated.json["clickToken"] == .string(token) && repeated.json["warnings"] == .array([.string("repeat_click")]))

            // Last touch (the default): a new affiliate's click takes over.
            let second = try await shop.click(api, #""pageUrl":"https://shop.example/?via=bob","existingClickToken":"\#(token)""#)
            #expect(second.json["affiliateCode"] == .string("bob") && second.json["clickToken"] != .string(token))

            // From a passthrough referrer the arrival is not a new referral.
            _ = try await api.call(.post, "/passthrough-referrers?account_id=acme", token: shop.key, body: #"{"domain":"pay.example.net","utm_source":"payments"}"#)
            let back = try await shop.click(
                api, #""pageUrl":"https://shop.example/thanks?via=bob","referrer":"https://checkout.pay.example.net/x","existingClickToken":"\#(token)""#)
            #expect(back.json["clickToken"] == .string(token) && back.json["affiliateCode"] == .string("alice"))
            #expect(back.json["warnings"] == .array([.string("passthrough_referrer")]))
            // Without a session the rule's UTMs are recorded with the click.
            let fresh = try await shop.click(api, #""pageUrl":"https://shop.example/?via=bob","referrer":"https://pay.example.net/""#)
            #expect(fresh.json["warnings"] == .array([.string("passthrough_fallback_utms")]) && fresh.json["clickToken"]?.stringValue != nil)
            // A token of another tenant is no session here.
            let other = try await TrackingFixture.make(api, handle: "other")
            try await other.affiliate(api, code: "carol")
            let foreign = try await other.click(api, #""pageUrl":"https://shop.example/?via=carol""#)
            let foreignToken = try #require(foreign.json["clickToken"]?.stringValue)
            let mixed = try await shop.click(
                api, #""pageUrl":"https://shop.example/?via=bob","referrer":"https://pay.example.net/","existingClickToken":"\#(foreignToken)""#)
            #expect(mixed.json["affiliateCode"] == .string("bob") && mixed.json["clickToken"] != .string(foreignToken))
        }
    }

    @Test func firstTouchProgramsKeepTheFirstAffiliate() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api, program: #","attributionModel":"FirstTouch""#)
            try await shop.affiliate(api, code: "alice")
            try await shop.affiliate(api, code: "bob")
            let token = try #require(try await shop.click(api, #""pageUrl":"https://shop.example/?via=alice""#).json["clickToken"]?.stringValue)
            let later = try await shop.click(api, #""pageUrl":"https://shop.example/?via=bob","existingClickToken":"\#(token)""#)
            #expect(later.json["clickToken"] == .string(token) && later.json["affiliateCode"] == .string("alice"))
            #expect(later.json["warnings"] == .array([.string("first_touch_attribution_kept")]))
        }
    }

    @Test func verifyRecordsAHeartbeatFromTheBrandsSite() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            let reply = try await api.call(
                .post, "/api/tracking/verify", body: #"{"programId":"\#(shop.program)","pageUrl":"https://shop.example/pricing","consentGranted":true}"#,
                headers: TrackingFixture.origin)
            #expect(reply.status == .ok && reply.json["status"] == .string("ok") && reply.json["cookieDomain"] == .string("shop.example"))
            let forged = try await api.call(
                .post, "/api/tracking/verify", body: #"{"programId":"\#(shop.program)","pageUrl":"https://shop.example/"}"#,
                headers: [.origin: "https://attacker.example"])
            #expect(forged.status == .forbidden)
        }
    }
}

@Suite struct PixelAPITests {
    @Test func theNoscriptPixelRecordsTheClickOfItsPage() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "john")
            // A HEAD is no visit: the same headers, and nothing recorded.
            let probe = try await api.call(.head, "/api/v1/r/c.gif", headers: [.referer: "https://shop.example/landing?via=john"])
            #expect(probe.status == .ok && probe.header("Content-Type") == "image/gif" && probe.raw.isEmpty)
            let clicks = { try await api.call(.get, "/api/v1/dashboard/summary", token: shop.key).json["totalClicks"] }
            #expect(try await clicks() == .int(0))
            let pixel = try await api.call(.get, "/api/v1/r/c.gif", headers: [.referer: "https://shop.example/landing?via=john"])
            #expect(try await clicks() == .int(1))
            #expect(pixel.status == .ok && pixel.header("Content-Type") == "image/gif" && pixel.header("Cache-Control")?.contains("no-store") == true)
            #expect(pixel.raw.hasPrefix("GIF89a"))
            // The same GIF whatever happened: no code, a foreign site, no Referer at all.
            for headers: HTTPFields in [[.referer: "https://shop.example/"], [.referer: "https://evil.example/?via=john"], [:]] {
                let other = try await api.call(.get, "/api/v1/r/c.gif", headers: headers)
                #expect(other.status == .ok && other.raw == pixel.raw)
            }
        }
    }
}
