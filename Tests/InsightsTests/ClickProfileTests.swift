import Contracts
import Foundation
@testable import Insights
import Kernel
import Testing

@Suite struct ClickProfileTests {
    /// A profile key decodes to the profile it was made of, for clicks with and without a link, a referrer, a
    /// country or UTM tags, from every device, and for a sale without a click: click folds and profile cells rely on it.
    @Test func aProfileKeyDecodesToItsProfile() throws {
        let profiles = [
            ClickProfile(
                country: "DE", device: .mobile, link: AffiliateLinkID(uuid: UUID()), referrerHost: "blog.example.com",
                utm: UTMParameters(source: "news", medium: "email", campaign: "spring")),
            ClickProfile(country: nil, device: .desktop, link: nil, referrerHost: nil, utm: UTMParameters(source: nil, medium: "cpc", campaign: nil)),
            .unknown,
        ] + DeviceClass.allCases.map { ClickProfile(country: "FR", device: $0, link: nil, referrerHost: "x.example", utm: UTMParameters()) }
        for profile in profiles {
            var key: [UInt8] = [9, 9]  // a prefix, so the profile's bytes are a slice that does not start at 0
            profile.appendKeyBytes(to: &key)
            let bytes = key[2...]
            #expect(ClickProfile(keyBytes: bytes) == profile)
        }
    }
}
