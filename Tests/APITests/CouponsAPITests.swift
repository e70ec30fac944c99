import HTTPTypes
import Kernel
import Testing

@Suite struct CouponsAPITests {
    @Test func brandsGiveAffiliatesCouponCodes() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            let jane = try await shop.affiliate(api, code: "jane")
            let john = try await shop.affiliate(api, code: "john")
            let added = try await api.call(.post, "/api/v1/affiliates/\(jane)/coupons", token: shop.key, body: #"{"code":"JANE20"}"#)
            #expect(added.status == .created && added.json["code"] == .string("JANE20") && added.json["affiliateId"] == .string(jane))
            // One code credits one affiliate, whatever its case.
            let taken = try await api.call(.post, "/api/v1/affiliates/\(john)/coupons", token: shop.key, body: #"{"code":"jane20"}"#)
            #expect(taken.status == .conflict && taken.error == "coupon_already_assigned")
            let invalid = try await api.call(.post, "/api/v1/affiliates/\(john)/coupons", token: shop.key, body: #"{"code":"two words"}"#)
            #expect(invalid.status == .badRequest && invalid.error == "validation_failed")
            let listed = try await api.call(.get, "/api/v1/affiliates/\(jane)/coupons", token: shop.key)
            #expect(listed.json["items"] == .array([added.json]))

            // Another tenant neither sees nor changes them.
            let other = try await TrackingFixture.make(api, handle: "other")
            #expect(try await api.call(.get, "/api/v1/affiliates/\(jane)/coupons", token: other.key).status == .notFound)
            #expect(try await api.call(.delete, "/api/v1/affiliates/\(jane)/coupons/JANE20", token: other.key).status == .notFound)

            #expect(try await api.call(.delete, "/api/v1/affiliates/\(john)/coupons/JANE20", token: shop.key).status == .notFound)
            #expect(try await api.call(.delete, "/api/v1/affiliates/\(jane)/coupons/jane20", token: shop.key).status == .noContent)
            let freed = try await api.call(.post, "/api/v1/affiliates/\(john)/coupons", token: shop.key, body: #"{"code":"jane20"}"#)
            #expect(freed.status == .created)
        }
    }
}
