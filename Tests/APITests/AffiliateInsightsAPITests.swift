import Foundation
import HTTPTypes
import Kernel
import Testing

/// An affiliate reads their own insights with a token the brand issued, and nothing else.
@Suite struct AffiliateInsightsAPITests {
    @Test func anAffiliateSeesOnlyTheirOwnNumbersWithoutRevenue() async throws {
        try await APIHarness.run { api in
            let (shop, jane, john, _) = try await DashboardAPITests.seeded(api)
            let issued = try await api.call(.post, "/api/v1/affiliates/\(jane)/insights-token", token: shop.key, body: #"{"expiresInHours":24}"#)
            #expect(issued.status == .created && issued.json["affiliateId"] == .string(jane))
            let token = try #require(issued.json["token"]?.stringValue)
            #expect(token.hasPrefix("vaf_"))

            let overview = try await api.call(.get, "/api/me/insights/overview", token: token)
            #expect(overview.status == .ok)
            #expect(overview.json["clicks"] == .int(3) && overview.json["conversions"] == .int(2) && overview.json["commissionCents"] == .int(980 + 200))
            #expect(overview.json["grossRevenueCents"] == nil)
            let links = try await api.call(.get, "/api/me/insights/links", token: token).json["links"]?.arrayElements ?? []
            #expect(links.map { $0["slug"] } == [.string("jane")] && links.first?["clicks"] == .int(3) && links.first?["commissionCents"] == .int(980))
            let channels = try await api.call(.get, "/api/me/insights/channels", token: token).json["channels"]?.arrayElements ?? []
            #expect(channels.map { [$0["source"], $0["medium"], $0["clicks"]] } == [[.string("blog"), .string("(none)"), .int(2)], [.string("(none)"), .string("(none)"), .int(1)]])
            let origin = try await api.call(.get, "/api/me/insights/sale-origin", token: token).json
            #expect(origin["sources"]?.arrayElements?.first?["commissionCents"] == .int(980) && origin["sources"]?.arrayElements?.first?["revenueCents"] == nil)
            let csv = try await api.call(.get, "/api/me/insights/geography?format=csv", token: token)
            #expect(csv.raw == "country,clicks,conversions,commissionCents\r\n(unknown),3,2,1180\r\n")

            // Another affiliate's numbers, the brand's modules and the brand's API stay closed.
            #expect(try await api.call(.get, "/api/me/insights/overview?affiliateId=\(john)", token: token).status == .notFound)
            #expect(try await api.call(.get, "/api/me/insights/customers", token: token).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/dashboard/summary", token: token).status == .unauthorized)
            #expect(try await api.call(.get, "/api/me/insights/overview", token: shop.key).status == .unauthorized)
            #expect(try await api.call(.get, "/api/me/insights/overview").status == .unauthorized)

            // A new token replaces the old; revoking ends it.
            let second = try await api.call(.post, "/api/v1/affiliates/\(jane)/insights-token", token: shop.key, body: "{}")
            let fresh = try #require(second.json["token"]?.stringValue)
            #expect(try await api.call(.get, "/api/me/insights/overview", token: token).status == .unauthorized)
            #expect(try await api.call(.get, "/api/me/insights/overview", token: fresh).status == .ok)
            let revoked = try await api.call(.delete, "/api/v1/affiliates/\(jane)/insights-token", token: shop.key)
            #expect(revoked.json["revoked"] == .bool(true))
            #expect(try await api.call(.get, "/api/me/insights/overview", token: fresh).status == .unauthorized)

            // Another tenant cannot issue tokens for this tenant's affiliates.
            let other = try await TrackingFixture.make(api, handle: "other")
            #expect(try await api.call(.post, "/api/v1/affiliates/\(jane)/insights-token", token: other.key, body: "{}").status == .notFound)
            #expect(try await api.call(.post, "/api/v1/affiliates/\(jane)/insights-token", token: shop.key, body: #"{"expiresInHours":0}"#).field == "expiresInHours")
        }
    }

    @Test func anExpiredTokenOrABannedAffiliateIsRefused() async throws {
        let clock = ManualClock(Date())
        try await APIHarness.run(clock: clock) { api in
            let shop = try await TrackingFixture.make(api)
            let jane = try await shop.affiliate(api, code: "jane")
            let token = try #require(try await api.call(.post, "/api/v1/affiliates/\(jane)/insights-token", token: shop.key, body: #"{"expiresInHours":1}"#).json["token"]?.stringValue)
            #expect(try await api.call(.get, "/api/me/insights/overview", token: token).status == .ok)
            clock.advance(by: 3_601)
            #expect(try await api.call(.get, "/api/me/insights/overview", token: token).status == .unauthorized)
            let renewed = try #require(try await api.call(.post, "/api/v1/affiliates/\(jane)/insights-token", token: shop.key, body: "{}").json["token"]?.stringValue)
            #expect(try await api.call(.get, "/api/me/insights/overview", token: renewed).status == .ok)
            let banned = try await api.call(.patch, "/api/v1/affiliates/\(jane)", token: shop.key, body: #"{"status":"Banned"}"#)
            #expect(banned.status == .ok && banned.json["status"] == .string("Banned"), "\(banned.raw)")
            let refused = try await api.call(.get, "/api/me/insights/overview", token: renewed)
            #expect(refused.status == .unauthorized, "\(refused.raw)")
        }
    }
}
