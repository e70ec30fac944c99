import HTTPTypes
import Kernel
import Testing

@Suite struct TrackingSettingsAPITests {
    @Test func attributionParamsFollowTheSpec() async throws {
        try await APIHarness.run { api in
            let defaults = try await api.call(.get, "/api/v1/settings/attribution-params/defaults")
            #expect(defaults.json.keys == ["defaults", "maxCustomEntries", "maxTotalChars", "minParamLength", "maxParamLength"])
            #expect(defaults.header("X-RateLimit-Remaining") != nil)
            let key = try await api.tenantKey("acme")
            let initial = try await api.call(.get, "/api/v1/settings/attribution-params", token: key)
            #expect(initial.json["custom"] == .null)
            #expect(initial.json.keys == ["custom", "defaults", "effectiveOrder", "maxCustomEntries", "maxTotalChars"])
            let changed = try await api.call(.patch, "/api/v1/settings/attribution-params", token: key, body: #"{"custom":"myparam,brand_ref"}"#)
            #expect(changed.json["custom"] == .string("myparam,brand_ref"))
            if case .array(let order)? = changed.json["effectiveOrder"] { #expect(order.prefix(3) == [.string("myparam"), .string("brand_ref"), .string("via")]) }
            let invalid = try await api.call(.patch, "/api/v1/settings/attribution-params", token: key, body: #"{"custom":"ok,X!"}"#)
            #expect(invalid.status == .badRequest && invalid.error == "invalid_attribution_param" && invalid.json["invalid"] == .array([.string("X!")]))
            #expect(try await api.call(.patch, "/api/v1/settings/attribution-params", token: key, body: #"{"custom":null}"#).json["custom"] == .null)
            let reader = try await api.key("acme", scope: "read")
            #expect(try await api.call(.patch, "/api/v1/settings/attribution-params", token: reader, body: #"{"custom":"a1"}"#).status == .forbidden)
        }
    }

    @Test func passthroughReferrersUseTheirOwnEnvelope() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let created = try await api.call(
                .post, "/passthrough-referrers?account_id=acme", token: key,
                body: #"{"domain":"https://booking.mirai.com","utm_source":"mirai","service_name":"Mirai Booking Engine"}"#)
            #expect(created.status == .created && created.json["success"] == .bool(true))
            #expect(created.json["data"]?.keys == [
                "id", "account_id", "domain", "utm_source", "utm_medium", "utm_campaign", "utm_term", "service_name", "is_active", "created_at",
                "updated_at",
            ])
            #expect(created.json["data"]?["domain"] == .string("booking.mirai.com"))
            let id = try #require(created.json["data"]?["id"])
            let duplicate = try await api.call(.post, "/passthrough-referrers?account_id=acme", token: key, body: #"{"domain":"booking.mirai.com","utm_source":"x"}"#)
            #expect(duplicate.status == .conflict && duplicate.json["success"] == .bool(false))
            _ = try await api.call(.post, "/passthrough-referrers?account_id=acme", token: key, body: #"{"domain":"pay.example.com","utm_source":"pay","is_active":false}"#)
            let list = try await api.call(.get, "/passthrough-referrers?account_id=acme", token: key)
            #expect(list.json["data"]?["total"] == .int(1) && list.json["data"]?["active_count"] == .int(1))
            #expect(try await api.call(.get, "/passthrough-referrers?account_id=acme&include_inactive=true", token: key).json["data"]?["total"] == .int(2))
            let patched = try await api.call(.patch, "/passthrough-referrers/\(id.jsonString)?account_id=acme", token: key, body: #"{"utm_campaign":"spring"}"#)
            #expect(patched.json["data"]?["utm_campaign"] == .string("spring") && patched.json["data"]?["utm_source"] == .string("mirai"))
            #expect(try await api.call(.patch, "/passthrough-referrers/\(id.jsonString)?account_id=acme", token: key, body: #"{"domain":"pay.example.com"}"#).status == .conflict)

            let globex = try await api.tenantKey("globex")
            #expect(try await api.call(.get, "/passthrough-referrers?account_id=acme", token: globex).status == .notFound)
            #expect(try await api.call(.get, "/passthrough-referrers/\(id.jsonString)?account_id=globex", token: globex).status == .notFound)
            #expect(try await api.call(.get, "/passthrough-referrers", token: key).json["field"] == .string("account_id"))
            #expect(try await api.call(.delete, "/passthrough-referrers/\(id.jsonString)?account_id=acme", token: key).status == .noContent)
            #expect(try await api.call(.get, "/passthrough-referrers/\(id.jsonString)?account_id=acme", token: key).status == .notFound)
            let reader = try await api.key("acme", scope: "read")
            // Failures of authentication and scope come in the same envelope as the API's own.
            let readOnly = try await api.call(.post, "/passthrough-referrers?account_id=acme", token: reader, body: #"{"domain":"x.com","utm_source":"x"}"#)
            #expect(readOnly.status == .forbidden && readOnly.json["success"] == .bool(false) && readOnly.json["error"] == .string("insufficient_scope"))
            let anonymous = try await api.call(.get, "/passthrough-referrers?account_id=acme")
            #expect(anonymous.status == .unauthorized && anonymous.json["success"] == .bool(false) && anonymous.json["error"] == .string("unauthorized"))
        }
    }
}
