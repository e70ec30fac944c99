import HTTPTypes
import Contracts
import Kernel
import TestSupport
import Testing

@Suite struct InvitesAPITests {
    private func token(_ acceptUrl: JSONValue?) -> String { String(acceptUrl?.stringValue?.split(separator: "/").last ?? "") }

    @Test func anInviteIsSentSanitizedAndAcceptedOnce() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme", plan: "Trial", status: "Trialing")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            let created = try await api.call(
                .post, "/api/affiliate-invites", token: key,
                body: #"{"programId":"\#(program)","email":"alex@example.com","fullName":"<b>Alex</b> Example","slug":"alex","personalNoteHtml":"<p onclick=\"x()\">Hi {{affiliate.firstName}}, earn {{program.commission}} with {{brand.name}}<script>steal()</script> <a href=\"javascript:x()\">terms</a></p>","customCommissionType":"Percentage","customCommissionValue":30,"autoApprove":true}"#)
            #expect(created.status == .created)
            #expect(created.json.keys == ["invite", "acceptUrl"])
            #expect(created.json["invite"]?["state"] == .string("Pending"))
            #expect(created.json["invite"]?["programName"] == .string("Holiday promo program"))
            #expect(created.json["invite"]?["personalNoteHtml"] == .string("<p>Hi {{affiliate.firstName}}, earn {{program.commission}} with {{brand.name}} <a>terms</a></p>"))
            let url = try #require(created.json["acceptUrl"]?.stringValue)
            #expect(url.contains("/invites/affiliate/") && token(created.json["acceptUrl"]).count == 40)
            let message = try #require(api.notifier.sent.last)
            #expect(message.to == "alex@example.com")
            #expect(message.html.hasPrefix("<p>Hi &lt;b&gt;Alex&lt;/b&gt;, earn 30% with acme <a>terms</a></p>"))
            #expect(message.html.contains(url) && !message.html.contains("<script") && !message.html.contains("onclick"))

            let preview = try await api.call(.get, "/api/affiliate-invites/by-token/\(token(created.json["acceptUrl"]))")
            #expect(preview.json["brandName"] == .string("acme") && preview.json["email"] == .string("alex@example.com"))
            let accepted = try await api.call(.post, "/api/affiliate-invites/by-token/\(token(created.json["acceptUrl"]))/accept")
            #expect(accepted.json["status"] == .string("Approved") && accepted.json["affiliateLinkSlug"] == .string("alex"))
            let again = try await api.call(.post, "/api/affiliate-invites/by-token/\(token(created.json["acceptUrl"]))/accept")
            #expect(again.json["affiliateId"] == accepted.json["affiliateId"])
            let affiliate = try await api.call(.get, "/api/v1/affiliates/\(accepted.json["affiliateId"]!.stringValue!)", token: key)
            #expect(affiliate.json["source"] == .string("Invite") && affiliate.json["customCommissionValue"] == .double(30))
            #expect(try await api.call(.get, "/api/affiliate-invites?state=Accepted", token: key).json.items.count == 1)
        }
    }

    @Test func invitesAreValidatedAgainstRosterAndCodes() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            _ = try await api.call(.post, "/api/v1/affiliates", token: key, body: #"{"programId":"\#(program)","email":"member@example.com","customAlias":"taken-slug"}"#)
            let cases: [(String, HTTPResponse.Status, String, String?)] = [
                (#""email":"member@example.com""#, .conflict, "affiliate_already_exists", "email"),
                (#""email":"new@example.com","slug":"taken-slug""#, .conflict, "slug_already_taken", "slug"),
                (#""email":"new@example.com","slug":"api""#, .badRequest, "slug_reserved", "slug"),
                (#""email":"new@example.com","slug":"Bad Slug""#, .badRequest, "validation_failed", "slug"),
                (#""email":"nope""#, .badRequest, "validation_failed", "email"),
            ]
            for (fields, status, code, field) in cases {
                let reply = try await api.call(.post, "/api/affiliate-invites", token: key, body: #"{"programId":"\#(program)",\#(fields)}"#)
                #expect(reply.status == status && reply.error == code && reply.field == field, "\(fields)")
            }
            #expect(try await api.call(.post, "/api/affiliate-invites", token: key, body: #"{"email":"a@b.co"}"#).field == "programId")
        }
    }

    @Test func resendRotatesTheTokenAndRevokeKillsIt() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            let created = try await api.call(.post, "/api/affiliate-invites", token: key, body: #"{"programId":"\#(program)","email":"a@example.com"}"#)
            let id = created.json["invite"]!["id"]!.stringValue!
            let resent = try await api.call(.post, "/api/affiliate-invites/\(id)/resend", token: key)
            #expect(token(resent.json["acceptUrl"]) != token(created.json["acceptUrl"]))
            #expect(try await api.call(.get, "/api/affiliate-invites/by-token/\(token(created.json["acceptUrl"]))").status == .notFound)
            #expect(try await api.call(.get, "/api/affiliate-invites/by-token/\(token(resent.json["acceptUrl"]))").status == .ok)
            #expect(api.notifier.sent.count == 2)
            #expect(try await api.call(.delete, "/api/affiliate-invites/\(id)", token: key).status == .noContent)
            #expect(try await api.call(.post, "/api/affiliate-invites/by-token/\(token(resent.json["acceptUrl"]))/accept").status == .notFound)
            #expect(try await api.call(.get, "/api/affiliate-invites?state=Revoked", token: key).json.items.count == 1)
            let globex = try await api.tenantKey("globex")
            #expect(try await api.call(.delete, "/api/affiliate-invites/\(id)", token: globex).status == .notFound)
        }
    }

    @Test func bulkInvitesNeedAPaidPlanAndReportSlugConflicts() async throws {
        try await APIHarness.run { api in
            let trial = try await api.tenantKey("trial", plan: "Trial", status: "Trialing")
            let trialProgram = try await api.createProgram(trial, holidayProgram)["id"]!.stringValue!
            let refused = try await api.call(.post, "/api/affiliate-invites/bulk", token: trial, body: #"{"programId":"\#(trialProgram)","emails":["a@x.com"]}"#)
            #expect(refused.status.code == 402 && refused.error == "paid_plan_required")

            let key = try await api.tenantKey("acme", plan: "Starter", status: "Active")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            _ = try await api.call(.post, "/api/v1/affiliates", token: key, body: #"{"programId":"\#(program)","email":"member@example.com","customAlias":"taken-slug"}"#)
            let body = #"{"programId":"\#(program)","recipients":[{"email":"alex@example.com","slug":"alex","fullName":"Alex"},{"email":"ben@example.com","slug":"alex"},{"email":"carol@example.com","slug":"taken-slug"},{"email":"dan@example.com","slug":"admin"},{"email":"eve@example.com","slug":"x"},{"email":"ALEX@example.com"},{"email":"member@example.com"}],"emails":["ignored@example.com"],"personalNoteHtml":"<p>Migrating</p>","autoApprove":true}"#
            let bulk = try await api.call(.post, "/api/affiliate-invites/bulk", token: key, body: body)
            #expect(bulk.json["created"] == .int(5) && bulk.json["skipped"] == .int(2))
            #expect(bulk.json["slugConflicts"] == .array([
                .object([("email", .string("ben@example.com")), ("requestedSlug", .string("alex")), ("reason", .string("duplicate_within_batch"))]),
                .object([("email", .string("carol@example.com")), ("requestedSlug", .string("taken-slug")), ("reason", .string("taken"))]),
                .object([("email", .string("dan@example.com")), ("requestedSlug", .string("admin")), ("reason", .string("reserved"))]),
                .object([("email", .string("eve@example.com")), ("requestedSlug", .string("x")), ("reason", .string("invalid"))]),
            ]))
            #expect(api.notifier.sent.count == 5)
            let legacy = try await api.call(.post, "/api/affiliate-invites/bulk", token: key, body: #"{"programId":"\#(program)","emails":["f@x.com","g@x.com"]}"#)
            #expect(legacy.json["created"] == .int(2))
            let tooMany = (0...50).map { "\"p\($0)@x.com\"" }.joined(separator: ",")
            #expect(try await api.call(.post, "/api/affiliate-invites/bulk", token: key, body: #"{"programId":"\#(program)","emails":[\#(tooMany)]}"#).status == .badRequest)
            // An empty batch is refused under the field that was sent.
            let empty = try await api.call(.post, "/api/affiliate-invites/bulk", token: key, body: #"{"programId":"\#(program)","emails":[]}"#)
            #expect(empty.status == .badRequest && empty.json["field"] == .string("emails"))
        }
    }

    @Test func aTenantHoldsAtMost500PendingInvites() async throws {
        try await APIHarness.run { api in
            let key = try await api.tenantKey("acme", plan: "Starter", status: "Active")
            let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
            for batch in 0..<10 {
                let emails = (0..<50).map { "\"b\(batch)-\($0)@x.com\"" }.joined(separator: ",")
                #expect(try await api.call(.post, "/api/affiliate-invites/bulk", token: key, body: #"{"programId":"\#(program)","emails":[\#(emails)]}"#).json["created"] == .int(50))
            }
            let full = try await api.call(.post, "/api/affiliate-invites", token: key, body: #"{"programId":"\#(program)","email":"one-more@x.com"}"#)
            #expect(full.status == .conflict && full.error == "pending_invites_limit_reached")
            let bulkFull = try await api.call(.post, "/api/affiliate-invites/bulk", token: key, body: #"{"programId":"\#(program)","emails":["one-more@x.com"]}"#)
            #expect(bulkFull.error == "pending_invites_limit_reached")
            #expect(try await api.call(.get, "/api/affiliate-invites?take=200", token: key).json.items.count == 200)
        }
    }
}
