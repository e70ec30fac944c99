import Foundation
import HTTPTypes
import Kernel
import Testing

/// The dashboard and insights endpoints over real HTTP, fed by real clicks, S2S sales, a Stripe checkout and a lead.
@Suite struct DashboardAPITests {
    /// Jane: three clicks (two from a blog with UTM tags, one direct from a phone), a Stripe subscription through her
    /// first click (49.00 USD, commission 9.80) and an S2S sale (10.00 USD). John: one click, an S2S sale of 50.00 EUR
    /// (commission 10.00 EUR) and a lead.
    static func seeded(_ api: APIHarness) async throws -> (shop: TrackingFixture, jane: String, john: String, sales: [String]) {
        let shop = try await TrackingFixture.make(api)
        let jane = try await shop.affiliate(api, code: "jane")
        let john = try await shop.affiliate(api, code: "john")
        let desktop: HTTPFields = [.origin: "https://www.shop.example", .userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"]
        let phone: HTTPFields = [.origin: "https://www.shop.example", .userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"]
        let first = try await shop.click(
            api, #""pageUrl":"https://shop.example/?via=jane&utm_source=blog&utm_campaign=spring","referrer":"https://blog.example.com/a","consentGranted":true"#,
            headers: desktop)
        let token = try #require(first.json["clickToken"]?.stringValue)
        _ = try await shop.click(
            api, #""pageUrl":"https://shop.example/?via=jane&utm_source=blog","referrer":"https://blog.example.com/b","consentGranted":true"#, headers: desktop)
        _ = try await shop.click(api, #""pageUrl":"https://shop.example/?via=jane""#, headers: phone)
        _ = try await shop.click(api, #""pageUrl":"https://shop.example/?via=john","referrer":"https://video.example.org/x","consentGranted":true"#, headers: desktop)

        let configured = try await api.call(.put, "/api/v1/integrations/stripe", token: shop.key, body: #"{"webhookSecret":"\#(StripeAPITests.secret)"}"#)
        #expect(configured.status == .ok)
        let checkout = StripeAPITests.event("evt_1", "checkout.session.completed", StripeAPITests.checkout(token: token))
        #expect(try await StripeAPITests().post(api, checkout).json["outcome"] == .string("recorded"))
        let backend = try await SignedTracking.make(api, shop)
        var sales: [String] = []
        for (event, slug, cents, currency) in [("o-1", "jane", 1_000, "USD"), ("o-2", "john", 5_000, "EUR")] {
            let reply = try await backend.post(api, "s2s", #"{"externalEventId":"\#(event)","affiliateSlug":"\#(slug)","amountCents":\#(cents),"currency":"\#(currency)"}"#)
            sales.append(try #require(reply.json["conversionId"]?.stringValue))
        }
        #expect(try await backend.post(api, "lead", #"{"affiliateSlug":"john","email":"lead@example.com"}"#).status == .ok)
        return (shop, jane, john, sales)
    }

    @Test func theSummaryCountsWhatHappenedAndLeavesOutDeniedSales() async throws {
        try await APIHarness.run { api in
            let (shop, jane, john, sales) = try await Self.seeded(api)
            let summary = try await api.call(.get, "/api/v1/dashboard/summary", token: shop.key)
            #expect(summary.status == .ok)
            #expect(summary.json["totalClicks"] == .int(4) && summary.json["totalConversions"] == .int(3) && summary.json["totalLeads"] == .int(1))
            // Without exchange rates the EUR commission cannot be added to USD, and the answer says so.
            #expect(summary.json["totalEarningsCents"] == .int(980 + 200) && summary.json["unconvertedCurrencies"] == .array([.string("EUR")]))
            #expect(summary.json["conversionRate"] == .double(75) && summary.json["activeAffiliates"] == .int(2))
            #expect(summary.json["pendingPayoutsCents"] == .int(0))

            #expect(try await api.call(.post, "/api/v1/conversions/\(sales[0])/approve", token: shop.key).status == .ok)
            #expect(try await api.call(.post, "/api/v1/conversions/\(sales[1])/deny", token: shop.key).status == .ok)
            let reviewed = try await api.call(.get, "/api/v1/dashboard/summary", token: shop.key).json
            #expect(reviewed["totalConversions"] == .int(2) && reviewed["totalEarningsCents"] == .int(1_180) && reviewed["pendingPayoutsCents"] == .int(200))
            #expect(reviewed["unconvertedCurrencies"] == nil)

            let johnOnly = try await api.call(.get, "/api/v1/dashboard/summary?affiliateId=\(john)", token: shop.key).json
            #expect(johnOnly["totalClicks"] == .int(1) && johnOnly["totalConversions"] == .int(0) && johnOnly["totalLeads"] == .int(1))
            let janeOnly = try await api.call(.get, "/api/v1/dashboard/summary?affiliateId=\(jane)&programId=\(shop.program)", token: shop.key).json
            #expect(janeOnly["totalClicks"] == .int(3) && janeOnly["totalConversions"] == .int(2))
            // Filters that match nothing: another program, a window in the past.
            let elsewhere = try await api.call(.get, "/api/v1/dashboard/summary?programId=\(UUID().uuidString.lowercased())", token: shop.key).json
            #expect(elsewhere["totalClicks"] == .int(0) && elsewhere["activeAffiliates"] == .int(0))
            let past = try await api.call(.get, "/api/v1/dashboard/summary?since=2020-01-01&until=2020-02-01", token: shop.key).json
            #expect(past["totalClicks"] == .int(0) && past["conversionRate"] == .double(0))
            // Windows reaching before 1970 count from then; nothing was recorded earlier.
            for path in ["leaderboard?since=1969-12-01&until=1970-01-05", "summary?since=1900-01-01&until=1969-01-01", "timeseries?metric=clicks&since=1969-12-30&until=1970-01-02"] {
                let reply = try await api.call(.get, "/api/v1/dashboard/\(path)", token: shop.key)
                #expect(reply.status == .ok, "\(path)")
            }

            // A deleted affiliate leaves the leaderboard, but what they did still counts, under their id too.
            let deleted = try await api.call(.post, "/api/v1/affiliates/bulk-action", token: shop.key, body: #"{"affiliateIds":["\#(john)"],"action":"delete"}"#)
            #expect(deleted.status == .ok)
            let johnAfter = try await api.call(.get, "/api/v1/dashboard/summary?affiliateId=\(john)", token: shop.key).json
            #expect(johnAfter["totalClicks"] == .int(1) && johnAfter["totalLeads"] == .int(1))
            let board = try await api.call(.get, "/api/v1/dashboard/leaderboard?metric=clicks", token: shop.key).json
            #expect(board.arrayElements?.compactMap { $0["affiliateId"]?.stringValue } == [jane])

            // Another tenant sees none of it.
            let other = try await TrackingFixture.make(api, handle: "other")
            let theirs = try await api.call(.get, "/api/v1/dashboard/summary?affiliateId=\(jane)", token: other.key).json
            #expect(theirs["totalClicks"] == .int(0) && theirs["totalConversions"] == .int(0))
        }
    }

    @Test func amountsInOtherCurrenciesAreNormalizedWithTheOperatorsRates() async throws {
        try await APIHarness.run(exchangeRates: #"{"base":"USD","rates":{"EUR":0.8}}"#) { api in
            let (shop, _, _, _) = try await Self.seeded(api)
            let summary = try await api.call(.get, "/api/v1/dashboard/summary", token: shop.key).json
            // 10.00 EUR at 0.8 EUR per USD is 12.50 USD.
            #expect(summary["totalEarningsCents"] == .int(980 + 200 + 1_250) && summary["unconvertedCurrencies"] == nil)
            let overview = try await api.call(.get, "/api/v1/dashboard/insights/overview", token: shop.key).json
            #expect(overview["grossRevenueCents"] == .int(4_900 + 1_000 + 6_250) && overview["homeCurrency"] == .string("USD"))
        }
    }

    @Test func seriesBoardsAndSources() async throws {
        try await APIHarness.run { api in
            let (shop, jane, john, _) = try await Self.seeded(api)
            let today = String(Timestamp.format(Date()).prefix(10))
            let series = try await api.call(.get, "/api/v1/dashboard/timeseries?metric=clicks", token: shop.key).json
            let points = series["points"]?.arrayElements ?? []
            #expect(series["metric"] == .string("clicks") && series["granularity"] == .string("day"))
            #expect(points.count == 31 && points.last?["bucket"] == .string(today) && points.last?["count"] == .int(4))
            #expect(points.dropLast().allSatisfy { $0["count"] == .int(0) })
            let leads = try await api.call(.get, "/api/v1/dashboard/timeseries?metric=leads&since=\(today)", token: shop.key).json
            #expect(leads["points"] == .array([.object([("bucket", .string(today)), ("count", .int(1))])]))
            for bad in ["", "metric=revenue", "metric=clicks&granularity=hour", "metric=clicks&since=yesterday", "metric=clicks&since=2026-02-01&until=2026-01-01", "metric=clicks&since=0001-01-01"] {
                let reply = try await api.call(.get, "/api/v1/dashboard/timeseries?\(bad)", token: shop.key)
                #expect(reply.status == .badRequest && reply.error == "validation_failed", "\(bad)")
            }
            let csv = try await api.call(.get, "/api/v1/dashboard/export.csv?metric=conversions&since=\(today)", token: shop.key)
            #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true && csv.raw == "date,conversions\r\n\(today),3\r\n")

            let board = try await api.call(.get, "/api/v1/dashboard/leaderboard?metric=clicks", token: shop.key).json.arrayElements ?? []
            #expect(board.map { $0["affiliateId"] } == [.string(jane), .string(john)] && board.map { $0["value"] } == [.int(3), .int(1)])
            #expect(board.first?["email"] == .string("jane@example.com"))
            let epc = try await api.call(.get, "/api/v1/dashboard/leaderboard?metric=epc&limit=1", token: shop.key).json.arrayElements ?? []
            #expect(epc.count == 1 && epc.first?["value"] == .double(393.3333))  // (980 + 200) / 3 clicks; John's EUR has no rate
            #expect(try await api.call(.get, "/api/v1/dashboard/leaderboard?limit=51", token: shop.key).field == "limit")

            let sources = try await api.call(.get, "/api/v1/dashboard/traffic-sources", token: shop.key).json.arrayElements ?? []
            #expect(sources.map { $0["source"] } == [.string("blog.example.com"), .string("(direct)"), .string("video.example.org")])
            #expect(sources.map { $0["percentage"] } == [.double(50), .double(25), .double(25)])
        }
    }

    @Test func everyInsightsModuleAnswersAndHasItsAlias() async throws {
        try await APIHarness.run { api in
            let (shop, _, _, _) = try await Self.seeded(api)
            func module(_ path: String) async throws -> JSONValue {
                let reply = try await api.call(.get, "/api/v1/dashboard/insights/\(path)", token: shop.key)
                #expect(reply.status == .ok, "\(path): \(reply.raw)")
                return reply.json
            }
            let overview = try await module("overview")
            #expect(overview["clicks"] == .int(4) && overview["conversions"] == .int(3) && overview["leads"] == .int(1))
            #expect(overview["recurringConversions"] == .int(1) && overview["clickToLeadRate"] == .double(0.25) && overview["leadToSaleRate"] == .double(3))
            let origin = try await module("sale-origin")
            #expect(origin["sources"] == .array([.object([("source", .string("blog.example.com")), ("conversions", .int(1)), ("revenueCents", .int(4_900))])]))
            #expect(origin["attributedConversions"] == .int(1) && origin["totalConversions"] == .int(3) && origin["coverage"] == .double(0.3333))
            let countries = try await module("geography")["countries"]?.arrayElements ?? []
            #expect(countries.map { $0["country"] } == [.string("(unknown)")] && countries.first?["conversions"] == .int(3))
            let devices = try await module("devices")["devices"]?.arrayElements ?? []
            #expect(devices.map { $0["device"]?.stringValue ?? "" } == ["Mobile", "Tablet", "Desktop", "Bot", "(unknown)"])
            #expect(devices[0]["clicks"] == .int(1) && devices[2]["clicks"] == .int(3) && devices[2]["conversions"] == .int(1) && devices[4]["conversions"] == .int(2))
            let campaigns = try await module("utm?dimension=campaign")["values"]?.arrayElements ?? []
            #expect(campaigns.map { $0["value"] } == [.string("spring")] && campaigns.first?["conversions"] == .int(1))
            #expect(try await api.call(.get, "/api/v1/dashboard/insights/utm?dimension=term", token: shop.key).field == "dimension")
            let cells = try await module("time-patterns")["cells"]?.arrayElements ?? []
            #expect(cells.count == 168 && cells.reduce(0) { $0 + ($1["clicks"]?.intValue ?? 0) } == 4)
            let delays = try await module("time-to-convert")["buckets"]?.arrayElements ?? []
            #expect(delays.first?["bucket"] == .string("<1h") && delays.first?["conversions"] == .int(1))
            let funnel = try await module("funnel")["steps"]?.arrayElements ?? []
            #expect(funnel.map { $0["step"]?.stringValue ?? "" } == ["clicks", "leads", "conversions", "approved", "paid"])
            let methods = try await module("attribution")["methods"]?.arrayElements ?? []
            #expect(methods.map { $0["conversions"] } == [.int(0), .int(1), .int(2)])
            let recurring = try await module("recurring")
            #expect(recurring["recurringConversions"] == .int(1) && recurring["oneTimeConversions"] == .int(2))
            #expect(recurring["mrrByMonth"]?.arrayElements?.last?["mrrCents"] == .int(4_900))
            let customers = try await module("customers")["segments"]?.arrayElements ?? []
            #expect(customers.first?["conversions"] == .int(1) && customers.first?["revenueCents"] == .int(4_900))

            let alias = try await api.call(.get, "/api/metrics/insights/overview", token: shop.key)
            #expect(alias.json == overview)
            let csv = try await api.call(.get, "/api/v1/dashboard/insights/geography?format=csv", token: shop.key)
            #expect(csv.raw == "country,clicks,conversions,revenueCents\r\n(unknown),4,3,5900\r\n")
            #expect(try await api.call(.get, "/api/v1/dashboard/insights/weather", token: shop.key).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/dashboard/insights/overview?format=xml", token: shop.key).field == "format")
        }
    }
}
