import Contracts
import HTTPTypes
import Kernel
import TestSupport
import Testing

@Suite struct AffiliatesAPITests {
    static let affiliateKeys = [
        "id", "programId", "email", "fullName", "status", "customCommissionType", "customCommissionValue", "tags", "notes", "source",
        "appliedAt", "approvedAt", "createdAt", "links",
    ]

    private func setUp(_ api: APIHarness, _ handle: String = "acme") async throws -> (key: String, program: String) {
        let key = try await api.tenantKey(handle)
        let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
        return (key, program)
    }

    @Test func theRosterLifecycleMatchesTheSpec() async throws {
        try await APIHarness.run { api in
            let (key, program) = try await setUp(api)
            let created = try await api.call(
                .post, "/api/v1/affiliates", token: key,
                body: #"{"programId":"\#(program)","email":"newaffiliate@example.com","fullName":"New Affiliate","status":"Pending","customCommissionType":null,"customCommissionValue":null,"customAlias":null}"#)
            #expect(created.status == .created)
            #expect(created.json.keys == Self.affiliateKeys)
            #expect(created.json["links"].map { if case .array(let links) = $0 { links.count } else { 0 } } == 1)
            #expect(!created.raw.contains("applicationData") && !created.raw.contains("paypal"))
            let id = try #require(created.json["id"]?.stringValue)

            #expect(try await api.call(.get, "/api/v1/affiliates/applications", token: key).json.items.count == 1)
            let approved = try await api.call(.post, "/api/v1/affiliates/\(id)/approve", token: key, body: "{}")
            #expect(approved.json["status"] == .string("Approved"))
            #expect(try await api.call(.get, "/api/v1/affiliates/applications", token: key).json.items.isEmpty)
            let rejected = try await api.call(.post, "/api/v1/affiliates/\(id)/reject", token: key, body: #"{"reason":"Off-topic audience"}"#)
            #expect(rejected.status == .conflict && rejected.error == "invalid_status_transition")

            let patched = try await api.call(
                .patch, "/api/v1/affiliates/\(id)", token: key,
                body: #"{"fullName":"Jane Doe (updated)","customCommissionType":"Percentage","customCommissionValue":25.0,"notes":"Promoted","tags":["youtube","tier-1","vip"]}"#)
            #expect(patched.json["customCommissionValue"] == .double(25))
            #expect(patched.json["tags"] == .array([.string("youtube"), .string("tier-1"), .string("vip")]))
            #expect(try await api.call(.get, "/api/v1/affiliates?q=jane%20doe", token: key).json.items.count == 1)
            #expect(try await api.call(.get, "/api/v1/affiliates?status=Pending", token: key).json.items.isEmpty)
            #expect(try await api.call(.get, "/api/v1/affiliates?status=Active", token: key).field == "status")
        }
    }

    @Test func bulkActionsReportAffectedAndTotal() async throws {
        try await APIHarness.run { api in
            let (key, program) = try await setUp(api)
            var ids: [String] = []
            for number in 0..<3 {
                let reply = try await api.call(.post, "/api/v1/affiliates", token: key, body: #"{"programId":"\#(program)","email":"a\#(number)@x.com","status":"Pending"}"#)
                ids.append(reply.json["id"]!.stringValue!)
            }
            let list = (ids + ["0190b1c2-0000-7000-8000-000000000000", "nonsense"]).map { "\"\($0)\"" }.joined(separator: ",")
            let bulk = try await api.call(.post, "/api/v1/affiliates/bulk-action", token: key, body: #"{"affiliateIds":[\#(list)],"action":"approve"}"#)
            #expect(bulk.json == .object([("affected", .int(3)), ("total", .int(5)), ("action", .string("approve"))]))
            let tooMany = (0..<201).map { _ in "\"0190b1c2-0000-7000-8000-000000000000\"" }.joined(separator: ",")
            #expect(try await api.call(.post, "/api/v1/affiliates/bulk-action", token: key, body: #"{"affiliateIds":[\#(tooMany)],"action":"delete"}"#).field == "affiliateIds")
            #expect(try await api.call(.post, "/api/v1/affiliates/bulk-action", token: key, body: #"{"affiliateIds":["\#(ids[0])"],"action":"ban"}"#).field == "action")
        }
    }

    @Test func anotherTenantsAffiliatesAndProgramsAreNotFound() async throws {
        try await APIHarness.run { api in
            let (acme, program) = try await setUp(api)
            let (globex, _) = try await setUp(api, "globex")
            let id = try await api.call(.post, "/api/v1/affiliates", token: acme, body: #"{"programId":"\#(program)","email":"a@x.com"}"#).json["id"]!.stringValue!
            #expect(try await api.call(.get, "/api/v1/affiliates/\(id)", token: globex).status == .notFound)
            #expect(try await api.call(.patch, "/api/v1/affiliates/\(id)", token: globex, body: #"{"notes":"x"}"#).status == .notFound)
            #expect(try await api.call(.post, "/api/v1/affiliates/\(id)/approve", token: globex).status == .notFound)
            let bulk = try await api.call(.post, "/api/v1/affiliates/bulk-action", token: globex, body: #"{"affiliateIds":["\#(id)"],"action":"delete"}"#)
            #expect(bulk.json["affected"] == .int(0))
            let foreignProgram = try await api.call(.post, "/api/v1/affiliates", token: globex, body: #"{"programId":"\#(program)","email":"b@x.com"}"#)
            #expect(foreignProgram.status == .notFound && foreignProgram.error == "program_not_found")
            #expect(try await api.call(.get, "/api/v1/affiliates/\(id)", token: acme).json["notes"] == .null)
            #expect(try await api.call(.get, "/api/billing/state", token: acme).json["limits"]?["affiliates"]?["current"] == .int(1))
        }
    }
}

@Suite struct RosterImportAPITests {
    @Test func theImportEndpointAnswersTheSpecShapeAndItsSafeguards() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            let body = #"{"programId":"\#(program)","affiliates":[{"email":"alex@example.com","fullName":"Alex Smith","status":"approved","slug":"alex"},{"email":"jordan@example.com","fullName":"Jordan Lee"}],"includeStatuses":["approved","pending"],"notifyAffiliates":false,"notificationMessageHtml":null}"#
            let imported = try await api.call(.post, "/api/v1/affiliates/import", token: key, body: body)
            #expect(imported.status == .ok)
            #expect(imported.json["imported"] == .int(2) && imported.json["kind"] == .string("Affiliates"))
            #expect(imported.json["status"] == .string("Completed") && imported.json["reasons"] == .object([]))
            let rerun = try await api.call(.post, "/api/v1/affiliates/import", token: key, body: body)
            #expect(rerun.json["skipped"] == .int(2) && rerun.json["reasons"] == .object([("already_exists", .int(2))]))

            let huge = #"{"programId":"\#(program)","affiliates":[{"email":"a@x.com","fullName":""# + String(repeating: "x", count: 4_300_000) + #""}]}"#
            #expect(try await api.call(.post, "/api/v1/affiliates/import", token: key, body: huge).status == .contentTooLarge)
            let globex = try await api.tenantKey("globex")
            #expect(try await api.call(.post, "/api/v1/affiliates/import", token: globex, body: body).error == "program_not_found")
        }
    }

    @Test func importsAreLimitedToSixAMinutePerKey() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            var statuses: [Int] = []
            for _ in 0..<7 {
                statuses.append(try await api.call(.post, "/api/v1/affiliates/import", token: key, body: #"{"programId":"\#(program)","affiliates":[]}"#).status.code)
            }
            #expect(statuses == [200, 200, 200, 200, 200, 200, 429])
            #expect(try await api.call(.get, "/api/v1/affiliates", token: key).status == .ok)
        }
    }
}

@Suite struct RosterImportNotificationTests {
    @Test func onlyPaidGrowthTenantsNotifyImportedAffiliates() async throws {
        try await APIHarness.run { api in
            for (handle, plan, status, expected) in [("starter", "Starter", "Active", 0), ("trial", "Growth", "Trialing", 0), ("growth", "Growth", "Active", 2)] {
                let key = try await api.tenantKey(handle, plan: plan, status: status)
                let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
                let before = api.notifier.sent.count
                let body = #"{"programId":"\#(program)","affiliates":[{"email":"a@\#(handle).com","fullName":"Alex Smith"},{"email":"b@\#(handle).com"}],"notifyAffiliates":true,"notificationMessageHtml":"<p>Hi {{affiliate.firstName}}<script>x()</script></p>"}"#
                #expect(try await api.call(.post, "/api/v1/affiliates/import", token: key, body: body).json["imported"] == .int(2))
                #expect(api.notifier.sent.count - before == expected, "\(handle)")
            }
            #expect(api.notifier.sent.map(\.html).contains("<p>Hi Alex</p>"))
        }
    }
}
