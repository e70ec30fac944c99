import Contracts
import Foundation
@testable import Insights
import Kernel
import Testing

@Suite struct ClickProfileTests {
    /// Reading one dimension straight from a profile key agrees with decoding the whole key, for clicks with and
    /// without a link, a referrer, a country or UTM tags, and for a sale without a click.
    @Test func oneDimensionReadFromTheKeyAgreesWithTheDecodedProfile() throws {
        let profiles = [
            ClickProfile(
                country: "DE", device: .mobile, link: AffiliateLinkID(uuid: UUID()), referrerHost: "blog.example.com",
                utm: UTMParameters(source: "news", medium: "email", campaign: "spring")),
            ClickProfile(country: nil, device: .desktop, link: nil, referrerHost: nil, utm: UTMParameters(source: nil, medium: "cpc", campaign: nil)),
            .unknown,
        ]
        for profile in profiles {
            var key: [UInt8] = [9, 9]  // a prefix, so the profile's bytes are a slice that does not start at 0
            profile.appendKeyBytes(to: &key)
            let bytes = key[2...]
            #expect(ClickProfile(keyBytes: bytes) == profile)
            #expect(ClickProfile.value(of: .country, keyBytes: bytes) == profile.country ?? "(unknown)")
            #expect(ClickProfile.value(of: .referrer, keyBytes: bytes) == (profile.isUnknown ? nil : profile.referrerHost ?? "(direct)"))
            #expect(ClickProfile.value(of: .utmSource, keyBytes: bytes) == profile.utm.source)
            #expect(ClickProfile.value(of: .utmMedium, keyBytes: bytes) == profile.utm.medium)
            #expect(ClickProfile.value(of: .utmCampaign, keyBytes: bytes) == profile.utm.campaign)
        }
    }
}
