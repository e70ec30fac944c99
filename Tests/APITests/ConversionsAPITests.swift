import Foundation
import HTTPTypes
import Kernel
import Testing

@Suite struct ConversionsAPITests {
    /// Two affiliates with S2S sales: Jane 99.00 and 10.05 USD, John 50.00 EUR with a formula-looking event id.
    static func seeded(_ api: APIHarness) async throws -> (TrackingFixture, jane: String, john: String, ids: [String]) {
        let shop = try await TrackingFixture.make(api)
        let jane = try await shop.affiliate(api, code: "jane")
        let john = try await shop.affiliate(api, code: "john")
        let backend = try await SignedTracking.make(api, shop)
        var ids: [String] = []
        for (event, slug, cents, currency) in [("o-1", "jane", 9_900, "USD"), ("o-2", "jane", 1_005, "USD"), ("=HYPERLINK(\\\"x\\\")", "john", 5_000, "EUR")] {
            let body = #"{"externalEventId":"\#(event)","affiliateSlug":"\#(slug)","amountCents":\#(cents),"currency":"\#(currency)"}"#
            let reply = try await backend.post(api, "s2s", body)
            guard let id = reply.json["conversionId"]?.stringValue else { throw HarnessError(reply.raw) }
            ids.append(id)
        }
        return (shop, jane, john, ids)
    }

    @Test func listsFilterAndPage() async throws {
        try await APIHarness.run { api in
            let (shop, jane, john, ids) = try await Self.seeded(api)
            let all = try await api.call(.get, "/api/v1/conversions", token: shop.key)
            let items = all.json["items"]?.arrayElements ?? []
            #expect(items.compactMap { $0["id"]?.stringValue } == ids.reversed())
            let first = try #require(items.last)
            #expect(first["amountCents"] == .int(9_900) && first["commissionCents"] == .int(1_980) && first["currency"] == .string("USD"))
            #expect(first["status"] == .string("Pending") && first["type"] == .string("OneTime") && first["attributionMethod"] == .null)
            #expect(first["couponCode"] == .null && first["refundedAt"] == .null && first["externalEventId"] == .string("o-1"))

            let johns = try await api.call(.get, "/api/v1/conversions?affiliateId=\(john)", token: shop.key)
            #expect(johns.json["items"]?.arrayElements?.count == 1)
            let page = try await api.call(.get, "/api/v1/conversions?take=1&affiliateId=\(jane)", token: shop.key)
            #expect(page.json["hasMore"] == .bool(true) && page.json["items"]?.arrayElements?.first?["id"] == .string(ids[1]))
            let cursor = try #require(page.json["nextCursor"]?.stringValue)
            let next = try await api.call(.get, "/api/v1/conversions?take=1&affiliateId=\(jane)&cursor=\(cursor)", token: shop.key)
            #expect(next.json["items"]?.arrayElements?.first?["id"] == .string(ids[0]) && next.json["hasMore"] == .bool(false))
            let future = try await api.call(.get, "/api/v1/conversions?since=2999-01-01T00:00:00Z", token: shop.key)
            #expect(future.json["items"]?.arrayElements?.isEmpty == true)
            #expect(try await api.call(.get, "/api/v1/conversions?since=2999-01-01", token: shop.key).json["items"]?.arrayElements?.isEmpty == true)
            #expect(try await api.call(.get, "/api/v1/conversions?since=2000-01-01", token: shop.key).json["items"]?.arrayElements?.count == ids.count)

            for bad in ["status=Paidd", "affiliateId=nope", "since=yesterday", "take=0"] {
                let reply = try await api.call(.get, "/api/v1/conversions?\(bad)", token: shop.key)
                #expect(reply.status == .badRequest && reply.error == "validation_failed", "\(bad)")
            }
            // Another tenant sees nothing of them.
            let other = try await TrackingFixture.make(api, handle: "other")
            #expect(try await api.call(.get, "/api/v1/conversions", token: other.key).json["items"]?.arrayElements?.isEmpty == true)
            #expect(try await api.call(.get, "/api/v1/conversions/\(ids[0])", token: other.key).status == .notFound)
            #expect(try await api.call(.post, "/api/v1/conversions/\(ids[0])/approve", token: other.key).status == .notFound)
        }
    }

    @Test func theDetailCarriesItsTimelineAndReviewsMoveIt() async throws {
        try await APIHarness.run { api in
            let (shop, _, _, ids) = try await Self.seeded(api)
            let approved = try await api.call(.post, "/api/v1/conversions/\(ids[0])/approve", token: shop.key)
            #expect(approved.status == .ok && approved.json["status"] == .string("Approved"))
            let denied = try await api.call(.post, "/api/v1/conversions/\(ids[0])/deny", token: shop.key)
            #expect(denied.json["status"] == .string("Denied"))
            let detail = try await api.call(.get, "/api/v1/conversions/\(ids[0])", token: shop.key)
            let kinds = detail.json["events"]?.arrayElements?.compactMap { $0["eventType"]?.stringValue }
            #expect(kinds == ["initial", "approved", "denied"])
            #expect(detail.json["events"]?.arrayElements?.first?["commissionCents"] == .int(1_980))
            let filtered = try await api.call(.get, "/api/v1/conversions?status=Denied", token: shop.key)
            #expect(filtered.json["items"]?.arrayElements?.compactMap { $0["id"]?.stringValue } == [ids[0]])
            #expect(try await api.call(.get, "/api/v1/conversions/not-an-id", token: shop.key).status == .notFound)
        }
    }

    @Test func theExportIsTheSpecsCSVAndSafeInASpreadsheet() async throws {
        try await APIHarness.run { api in
            let (shop, _, john, ids) = try await Self.seeded(api)
            let csv = try await api.call(.get, "/api/v1/conversions/export.csv", token: shop.key)
            #expect(csv.status == .ok && csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            let lines = csv.raw.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "id,affiliate_id,program_id,amount_cents,currency,commission_cents,status,type,external_event_id,created_at,refunded_at,attribution_method,coupon_code")
            #expect(lines.count == 4)
            // The formula-looking event id is quoted (it has quotes) and defused with a leading apostrophe.
            #expect(lines[1].hasPrefix("\(ids[2]),\(john),") && lines[1].contains(#",EUR,1000,Pending,OneTime,"'=HYPERLINK(""x"")","#))
            let until = try await api.call(.get, "/api/v1/conversions/export.csv?until=2000-01-01T00:00:00Z", token: shop.key)
            #expect(until.raw.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)
        }
    }
}

extension JSONValue {
    /// The elements of an array value.
    var arrayElements: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
}

@Suite struct ClickRewardAPITests {
    @Test func paidClicksAddUpToOneRowPerAffiliateAndDay() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api, program: #","defaultCommissionModel":"Cpc","defaultCommissionType":"Fixed","defaultCommissionValue":0.25"#)
            let jane = try await shop.affiliate(api, code: "jane")
            var headers = TrackingFixture.origin
            headers[.userAgent] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
            for _ in 1...3 {
                let click = try await shop.click(api, #""pageUrl":"https://shop.example/?via=jane""#, headers: headers)
                #expect(click.json["status"] == .string("ok"))
            }
            headers[.userAgent] = "Googlebot/2.1 (+http://www.google.com/bot.html)"
            _ = try await shop.click(api, #""pageUrl":"https://shop.example/?via=jane""#, headers: headers)
            let items = try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"]?.arrayElements ?? []
            #expect(items.count == 1)
            let row = try #require(items.first)
            #expect(row["type"] == .string("ClickReward") && row["attributionMethod"] == .string("cpc_aggregation") && row["affiliateId"] == .string(jane))
            #expect(row["amountCents"] == .int(0) && row["commissionCents"] == .int(75) && row["currency"] == .string("USD"))
        }
    }
}

@Suite struct SubAffiliateEarningsAPITests {
    @Test func aRecruitersOverrideIsARowOfItsOwnAndShowsInTheDrilldown() async throws {
        try await APIHarness.run { api in
            _ = try await api.tenantKey("acme", plan: "Pro")
            let shop = try await TrackingFixture.make(api, program: #","autoApprove":true"#)
            let config = try await api.call(.put, "/api/v1/programs/\(shop.program)/sub-affiliate-config", token: shop.key, body: #"{"enabled":true,"percent":12.5}"#)
            #expect(config.status == .ok)
            let recruiter = try await shop.affiliate(api, code: "rita")
            let applied = try await api.call(
                .post, "/api/p/id/\(shop.program)/apply", body: #"{"email":"rob@example.com","customAlias":"rob","recruitedByAffiliateId":"\#(recruiter)"}"#)
            #expect(applied.status == .ok)
            let backend = try await SignedTracking.make(api, shop)
            let body = #"{"externalEventId":"o-1","affiliateSlug":"rob","amountCents":10005,"currency":"USD"}"#
            let sale = try await backend.post(api, "s2s", body)
            let saleID = try #require(sale.json["conversionId"]?.stringValue)

            let items = try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"]?.arrayElements ?? []
            let share = try #require(items.first { $0["parentAffiliateConversionId"] == .string(saleID) })
            // 20 % of 100.05 = 20.01 (2001 cents); 12.5 % of that = 250.125 → 250.
            #expect(items.first { $0["id"] == .string(saleID) }?["commissionCents"] == .int(2_001))
            #expect(share["affiliateId"] == .string(recruiter) && share["amountCents"] == .int(0) && share["commissionCents"] == .int(250))
            #expect(share["attributionMethod"] == .string("sub_affiliate_override") && share["status"] == .string("Approved"))
            // The override follows its sale: it is not reviewed on its own.
            let shareID = try #require(share["id"]?.stringValue)
            let review = try await api.call(.post, "/api/v1/conversions/\(shareID)/deny", token: shop.key)
            #expect(review.status == .conflict && review.json["error"] == .string("conversion_not_reviewable"))
            let drilldown = try await api.call(.get, "/api/v1/affiliates/\(recruiter)/sub-affiliates", token: shop.key)
            let row = try #require(drilldown.json.arrayElements?.first)
            #expect(row["totalCommissionCents"] == .int(2_001) && row["overrideEarnedCents"] == .int(250) && row["currency"] == .string("USD"))
        }
    }
}
