import HTTPTypes
import Kernel
import Testing

@Suite struct AccessAPITests {
    @Test func unknownMalformedAndRevokedKeysGetTheSame401() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let keys = try await api.admin(.get, "/acme/api-keys")
            let keyID = try #require(keys.json.items.first?["id"]?.stringValue)
            #expect(try await api.admin(.delete, "/acme/api-keys/\(keyID)").status == .noContent)
            var bodies: Set<String> = []
            for token in [nil, "rk_live_unknownunknownunknownunknownunknown1234", "garbage", key] {
                let reply = try await api.call(.get, "/api/v1/programs", token: token)
                #expect(reply.status == .unauthorized)
                #expect(reply.error == "unauthorized")
                bodies.insert(reply.raw)
            }
            #expect(bodies.count == 1)
            let basic = try await api.call(.get, "/api/v1/programs", headers: [.authorization: "Basic \(key)"])
            #expect(basic.status == .unauthorized)
        }
    }

    @Test func readKeysReadAndCannotWrite() async throws {
        try await APIHarness.run { api in
            let writer = try await api.tenantKey("acme")
            let reader = try await api.key("acme", scope: "read")
            let program = try await api.createProgram(writer, holidayProgram)["id"]!.stringValue!
            #expect(try await api.call(.get, "/api/v1/programs/\(program)", token: reader).status == .ok)
            for (method, path) in [(HTTPRequest.Method.post, "/api/v1/programs"), (.patch, "/api/v1/programs/\(program)"), (.delete, "/api/v1/programs/\(program)"), (.put, "/api/v1/settings/home-currency")] {
                let reply = try await api.call(method, path, token: reader, body: #"{"name":"x"}"#)
                #expect(reply.status == .forbidden, "\(method) \(path)")
                #expect(reply.error == "insufficient_scope")
            }
            #expect(try await api.call(.get, "/api/v1/programs/\(program)", token: reader).json["name"] == .string("Holiday promo program"))
        }
    }

    @Test func planGatesAnswer402WithRequiredCurrentAndTrialing() async throws {
        try await APIHarness.run { api in
            let unsubscribed = try await api.tenantKey("none", plan: "Starter", status: "None")
            let refused = try await api.call(.get, "/api/v1/programs", token: unsubscribed)
            #expect(refused.status.code == 402)
            #expect(refused.error == "plan_tier_required")
            #expect(refused.json["required"] == .string("Starter"))
            #expect(refused.json["current"] == .string("Starter"))
            #expect(refused.json["trialing"] == .bool(false))
            #expect(try await api.call(.get, "/api/organizations/me", token: unsubscribed).status == .ok)

            let trialing = try await api.tenantKey("trial", plan: "Trial", status: "Trialing")
            #expect(try await api.call(.post, "/api/v1/programs", token: trialing, body: holidayProgram).status == .created)
            let lapsedTrial = try await api.tenantKey("lapsed", plan: "Trial", status: "Active")
            let lapsed = try await api.call(.get, "/api/v1/programs", token: lapsedTrial)
            #expect(lapsed.json["current"] == .string("Trial"))

            _ = try await api.admin(.patch, "/none", body: #"{"subscriptionStatus":"Active"}"#)
            #expect(try await api.call(.get, "/api/v1/programs", token: unsubscribed).status == .ok)
        }
    }

    @Test func anotherTenantsProgramIsA404AndStaysUntouched() async throws {
        try await APIHarness.run { api in
            let acme = try await api.tenantKey("acme")
            let globex = try await api.tenantKey("globex")
            let program = try await api.createProgram(acme, holidayProgram)
            let id = program["id"]!.stringValue!
            for method in [HTTPRequest.Method.get, .patch, .delete] {
                let reply = try await api.call(method, "/api/v1/programs/\(id)", token: globex, body: method == .get ? nil : #"{"name":"mine"}"#)
                #expect(reply.status == .notFound, "\(method)")
            }
            #expect(try await api.call(.get, "/api/v1/programs/\(id)/sub-affiliate-config", token: globex).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/programs", token: globex).json.items.isEmpty)
            #expect(try await api.call(.get, "/api/v1/programs/\(id)", token: acme).json == program)
            // The same slug is free in another tenant.
            #expect(try await api.call(.post, "/api/v1/programs", token: globex, body: holidayProgram).status == .created)
        }
    }

    @Test func rateLimitsCountPerKeyAndAnswer429WithRetryAfter() async throws {
        try await APIHarness.run(apiRateLimit: 3) { api in
            let key = try await api.tenantKey("acme")
            let other = try await api.key("acme", scope: "read")
            var remaining: [String] = []
            for _ in 0..<3 {
                let reply = try await api.call(.get, "/api/v1/programs/0190b1c2-0000-7000-8000-000000000000", token: key)
                #expect(reply.status == .notFound)
                remaining.append(reply.header("X-RateLimit-Remaining") ?? "-")
            }
            #expect(remaining == ["2", "1", "0"])
            let limited = try await api.call(.get, "/api/v1/programs", token: key)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.error == "rate_limited")
            #expect(Int(limited.header("Retry-After") ?? "") ?? 0 >= 1)
            #expect(limited.header("X-RateLimit-Remaining") == "0")
            #expect(try await api.call(.get, "/api/v1/programs", token: other).status == .ok)
        }
    }

    @Test func organizationBillingAndHomeCurrencyHaveTheSpecShapes() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme", plan: "Pro")
            let me = try await api.call(.get, "/api/organizations/me", token: key)
            #expect(me.json.keys == [
                "id", "name", "slug", "billingEmail", "timezone", "primaryBrandColor", "logoUrl", "description", "whiteLabelEnabled",
                "planTier", "subscriptionStatus", "trialEndsAt", "payoutGraceDays", "payoutGraceDaysMax",
            ])
            #expect(me.json["slug"] == .string("acme"))
            let state = try await api.call(.get, "/api/billing/state", token: key)
            #expect(state.json.keys == [
                "planTier", "subscriptionStatus", "trialEndsAt", "interval", "stripeSubscriptionId", "stripeCustomerLinked",
                "stripeConnectLinked", "limits",
            ])
            #expect(state.json["limits"]?.keys == ["affiliates", "campaigns", "partnerPayoutsThisMonthCents", "teamSeats"])
            _ = try await api.createProgram(key, holidayProgram)
            #expect(try await api.call(.get, "/api/billing/state", token: key).json["limits"]?["campaigns"]?["current"] == .int(1))

            let currency = try await api.call(.get, "/api/v1/settings/home-currency", token: key)
            #expect(currency.json.keys == ["homeCurrency", "changedAt", "supportedCurrencies", "canChange"])
            #expect(currency.json["canChange"] == .bool(true))
            let bad = try await api.call(.put, "/api/v1/settings/home-currency", token: key, body: #"{"homeCurrency":"BTC"}"#)
            #expect(bad.status == .badRequest && bad.error == "unsupported_currency")
            let changed = try await api.call(.put, "/api/v1/settings/home-currency", token: key, body: #"{"homeCurrency":"EUR"}"#)
            #expect(changed.json.keys == ["homeCurrency", "changed", "changedAt"])
            #expect(changed.json["changed"] == .bool(true))
            #expect(try await api.call(.put, "/api/v1/settings/home-currency", token: key, body: #"{"homeCurrency":"EUR"}"#).json["changed"] == .bool(false))
        }
    }

    @Test func theAdminAPINeedsTheTokenAndManagesTenants() async throws {
        try await APIHarness.run { api in
            #expect(try await api.call(.get, "/admin/tenants").status == .unauthorized)
            #expect(try await api.call(.get, "/admin/tenants", token: "wrong").status == .unauthorized)
            let created = try await api.admin(.post, "", body: #"{"handle":"acme","name":"Acme","planTier":"Starter","subscriptionStatus":"Active","homeCurrency":"GBP","timezone":"Europe/London","billingEmail":"b@acme.com"}"#)
            #expect(created.status == .created)
            #expect(created.json["homeCurrency"] == .string("GBP"))
            #expect(try await api.admin(.post, "", body: #"{"handle":"acme","name":"Again"}"#).error == "tenant_already_exists")
            #expect(try await api.admin(.get, "/nobody").status == .notFound)
            let patched = try await api.admin(.patch, "/acme", body: #"{"planTier":"Pro","whiteLabelEnabled":true}"#)
            #expect(patched.json["planTier"] == .string("Pro") && patched.json["whiteLabelEnabled"] == .bool(true))
            let secret = try await api.admin(.post, "/acme/signing-secrets")
            #expect(secret.status == .created)
            #expect(secret.json["secret"]?.stringValue?.hasPrefix("rks_") == true)
            let listed = try await api.admin(.get, "/acme/signing-secrets")
            #expect(!listed.raw.contains(secret.json["secret"]!.stringValue!))
            let key = try await api.admin(.post, "/acme/api-keys", body: #"{"name":"ci","scope":"read_write"}"#)
            #expect(key.json.keys == ["id", "key", "scope", "name", "createdAt"])
            #expect(try await api.admin(.post, "/acme/api-keys", body: #"{"scope":"admin"}"#).field == "scope")
            #expect(try await api.admin(.delete, "/acme/api-keys/0190b1c2-0000-7000-8000-000000000000").status == .notFound)
        }
    }

    @Test func operationalEndpointsAnswerWithoutCredentials() async throws {
        try await APIHarness.run { api in
            #expect(try await api.call(.get, "/healthz").raw == "ok")
            // HEAD answers as GET does, without a body.
            let probe = try await api.call(.head, "/healthz")
            #expect(probe.status == .ok && probe.raw.isEmpty)
            #expect(try await api.call(.get, "/readyz").raw == "ready")
            let document = try await api.call(.get, "/openapi.json")
            #expect(document.json["openapi"] == .string("3.1.0"))
            let missing = try await api.call(.get, "/no/such/route")
            #expect(missing.status == .notFound && missing.error == "not_found")
            #expect(missing.header("X-Request-Id")?.isEmpty == false)
        }
    }
}
