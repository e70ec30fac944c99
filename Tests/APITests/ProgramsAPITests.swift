import HTTPTypes
import Kernel
import Testing

@Suite struct ProgramsAPITests {
    static let programKeys = [
        "id", "name", "slug", "description", "termsUrl", "isActive", "defaultCommissionType", "defaultCommissionValue",
        "defaultCommissionModel", "cookieWindowDays", "recurringMonths", "recurringDelayInvoices", "attributionModel", "autoApprove",
        "customDomain", "customDomainVerified", "networkVisibility", "isPubliclyDiscoverable", "websiteDomain", "maxAffiliates", "createdAt",
        "updatedAt", "archivedAt",
    ]

    @Test func theProgramLifecycleMatchesTheSpec() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let created = try await api.call(.post, "/api/v1/programs", token: key, body: holidayProgram)
            #expect(created.status == .created)
            #expect(created.json.keys == Self.programKeys)
            #expect(created.json["defaultCommissionValue"] == .double(30))
            #expect(created.json["recurringMonths"] == .null)
            #expect(created.json["archivedAt"] == .null)
            #expect(created.header("Content-Type")?.hasPrefix("application/json") == true)
            let id = try #require(created.json["id"]?.stringValue)

            let fetched = try await api.call(.get, "/api/v1/programs/\(id)", token: key)
            #expect(fetched.json == created.json)

            let patched = try await api.call(
                .patch, "/api/v1/programs/\(id)", token: key,
                body: #"{"name":"Holiday promo (extended)","isActive":true,"defaultCommissionValue":35.0,"autoApprove":true,"customDomain":"go.yourbrand.com","networkVisibility":"Public"}"#)
            #expect(patched.status == .ok)
            #expect(patched.json["name"] == .string("Holiday promo (extended)"))
            #expect(patched.json["defaultCommissionValue"] == .double(35))
            #expect(patched.json["customDomain"] == .string("go.yourbrand.com"))
            #expect(patched.json["customDomainVerified"] == .bool(false))
            #expect(patched.json["slug"] == .string("holiday-2026"))
            #expect(patched.json["description"] == created.json["description"])

            let deleted = try await api.call(.delete, "/api/v1/programs/\(id)", token: key)
            #expect(deleted.status == .noContent)
            #expect(deleted.raw.isEmpty)
            let archived = try await api.call(.get, "/api/v1/programs/\(id)", token: key)
            #expect(archived.json["archivedAt"]?.stringValue?.hasSuffix("Z") == true)
            #expect(try await api.call(.get, "/api/v1/programs", token: key).json.items.isEmpty)
            #expect(try await api.call(.get, "/api/v1/programs?includeArchived=true", token: key).json.items.count == 1)
        }
    }

    @Test func listsPaginateNewestFirstWithOpaqueCursors() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            var created: [String] = []
            for number in 0..<5 {
                created.append(try await api.createProgram(key, #"{"name":"P\#(number)","defaultCommissionValue":10}"#)["id"]!.stringValue!)
            }
            var seen: [String] = []
            var path = "/api/v1/programs?take=2"
            while true {
                let page = try await api.call(.get, path, token: key)
                #expect(page.json.keys == ["items", "nextCursor", "hasMore"])
                seen += page.json.items.compactMap { $0["id"]?.stringValue }
                guard let cursor = page.json["nextCursor"]?.stringValue else {
                    #expect(page.json["hasMore"] == .bool(false))
                    break
                }
                #expect(page.json["hasMore"] == .bool(true))
                path = "/api/v1/programs?take=2&cursor=\(cursor)"
            }
            #expect(seen == created.reversed())
            let all = try await api.call(.get, "/api/v1/programs", token: key)
            #expect(all.json.items.count == 5)
            #expect(all.json["nextCursor"] == .null)

            for (query, field) in [("cursor=garbage", "cursor"), ("take=0", "take"), ("take=201", "take"), ("take=abc", "take")] {
                let bad = try await api.call(.get, "/api/v1/programs?\(query)", token: key)
                #expect(bad.status == .badRequest)
                #expect(bad.error == "validation_failed")
                #expect(bad.field == field)
            }
        }
    }

    @Test func badInputIsRefusedWithTheEnvelopeAndChangesNothing() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let cases: [(String, HTTPResponse.Status, String, String?)] = [
                ("{not json", .badRequest, "validation_failed", nil),
                ("[1,2]", .badRequest, "validation_failed", nil),
                (#"{"name":"A","defaultCommissionValue":"thirty"}"#, .badRequest, "validation_failed", "defaultCommissionValue"),
                (#"{"name":"A","defaultCommissionValue":10,"defaultCommissionType":"Percent"}"#, .badRequest, "validation_failed", "defaultCommissionType"),
                (#"{"name":"A","defaultCommissionValue":10,"cookieWindowDays":1.5}"#, .badRequest, "validation_failed", "cookieWindowDays"),
                (#"{"name":"","defaultCommissionValue":10}"#, .badRequest, "validation_failed", "name"),
            ]
            for (body, status, code, field) in cases {
                let reply = try await api.call(.post, "/api/v1/programs", token: key, body: body)
                #expect(reply.status == status, "\(body)")
                #expect(reply.json.keys.starts(with: ["error", "message", "field"]), "\(body)")
                #expect(reply.error == code, "\(body)")
                #expect(reply.field == field, "\(body)")
            }
            let huge = #"{"name":"A","defaultCommissionValue":10,"description":""# + String(repeating: "x", count: 1_100_000) + #""}"#
            let tooLarge = try await api.call(.post, "/api/v1/programs", token: key, body: huge)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.error == "payload_too_large")
            let empty = try await api.call(.post, "/api/v1/programs", token: key)
            #expect(empty.status == .badRequest)
            #expect(try await api.call(.get, "/api/v1/programs", token: key).json.items.isEmpty)
            #expect(try await api.call(.get, "/api/v1/programs/not-an-id", token: key).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/programs/0190b1c2-0000-7000-8000-000000000000", token: key).error == "not_found")
        }
    }

    @Test func concurrentCreatesWithOneSlugYieldExactlyOneProgram() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await api.call(.post, "/api/v1/programs", token: key, body: holidayProgram).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 19)
            #expect(try await api.call(.get, "/api/v1/programs", token: key).json.items.count == 1)
        }
    }

    @Test func subAffiliateConfigNeedsProAndAPercentInRange() async throws {
        try await APIHarness.run { api in
            let growth = try await api.tenantKey("growth", plan: "Growth")
            let program = try await api.createProgram(growth, holidayProgram)["id"]!.stringValue!
            let path = "/api/v1/programs/\(program)/sub-affiliate-config"
            #expect(try await api.call(.get, path, token: growth).json == .object([("enabled", .bool(false)), ("percent", .double(0))]))
            let refused = try await api.call(.put, path, token: growth, body: #"{"enabled":true,"percent":10}"#)
            #expect(refused.status.code == 402)
            #expect(refused.json["required"] == .string("Pro"))

            let pro = try await api.tenantKey("pro", plan: "Pro")
            let own = try await api.createProgram(pro, holidayProgram)["id"]!.stringValue!
            let ownPath = "/api/v1/programs/\(own)/sub-affiliate-config"
            let outOfRange = try await api.call(.put, ownPath, token: pro, body: #"{"enabled":true,"percent":150}"#)
            #expect(outOfRange.status == .badRequest)
            #expect(outOfRange.error == "unsupported_value")
            let set = try await api.call(.put, ownPath, token: pro, body: #"{"enabled":true,"percent":10}"#)
            #expect(set.json == .object([("enabled", .bool(true)), ("percent", .double(10))]))
            #expect(try await api.call(.get, ownPath, token: pro).json == set.json)
            #expect(try await api.call(.put, path, token: pro, body: #"{"enabled":true,"percent":10}"#).status == .notFound)
        }
    }
}
