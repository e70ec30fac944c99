import Contracts
import Foundation
import Kernel
import Testing

@testable import Tracking

@Suite struct ClickRecordTests {
    let ids = IDGenerator(clock: SystemClock())

    func click(consent: Bool = true, landing: String? = "https://shop.example/?via=jane", country: String? = "DE") -> Click {
        Click(
            id: ids.next(), programID: ids.next(), affiliateID: ids.next(), linkID: ids.next(), code: "jane",
            at: Date(timeIntervalSince1970: 1_790_000_000.123), consentGranted: consent, device: .tablet, country: country,
            landingPage: landing, referrerHost: "blog.example.com", utm: UTMParameters(source: "news", campaign: "spring"))
    }

    @Test func theBinaryFormRoundTrips() throws {
        for original in [click(), click(consent: false, landing: nil, country: nil)] {
            let bytes = ClickCoding.encode(original)
            #expect(bytes.first == ClickCoding.version)
            #expect(try ClickCoding.decode(bytes, id: original.id) == original)
        }
        #expect(ClickCoding.encode(click()).count < 140)
    }

    @Test func longTextIsCutOnACharacterBoundary() throws {
        let long = "https://shop.example/?q=" + String(repeating: "é", count: 3_000)
        let decoded = try ClickCoding.decode(ClickCoding.encode(click(landing: long)), id: ids.next())
        let kept = try #require(decoded.landingPage)
        #expect(kept.utf8.count <= BinaryRecordWriter.maxTextBytes && long.hasPrefix(kept) && kept.last == "é")
    }

    @Test func damagedRecordsAreReportedNotCrashed() {
        let bytes = ClickCoding.encode(click())
        for cut in [0, 1, 5, 20, 60, bytes.count - 1] {
            #expect(throws: StoreError.self) { try ClickCoding.decode(Array(bytes.prefix(cut)), id: ids.next()) }
        }
        var future = bytes
        future[0] = 99
        #expect(throws: StoreError.self) { try ClickCoding.decode(future, id: ids.next()) }
    }

    @Test func tokensNameTheirTenantAndClick() throws {
        let id: ClickID = ids.next()
        let tenant = try #require(TenantID(number: 70_000))
        let token = ClickToken.make(tenant, id)
        #expect(token.hasPrefix("clk_") && token.count == 31)
        let parsed = try #require(ClickToken.parse(token))
        #expect(parsed.tenant == tenant && parsed.click == id)
        for bad in ["", "clk_", "clk_short", token + "x", "abc_" + token.dropFirst(4), String(token.dropLast()) + "*"] {
            #expect(ClickToken.parse(bad) == nil)
        }
    }

    @Test func landingURLsAreReadLikeBrowsersDo() {
        let url = LandingURL("https://User:pw@Shop.Example:8443/path?via=jane%20doe&empty=&utm_source=a+b&via=second#frag?x=1")
        #expect(url.host == "shop.example")
        #expect(url.value("via") == "jane doe" && url.value("empty") == nil && url.utm.source == "a b")
        #expect(LandingURL("ftp://shop.example/?via=x").host == nil)
        #expect(LandingURL.withoutQuery("https://shop.example/p?email=a@b.c#x") == "https://shop.example/p")
        #expect(OriginPolicy.isWithin("a.b.shop.example", "shop.example") && !OriginPolicy.isWithin("evilshop.example", "shop.example"))
        #expect(OriginPolicy.isWithin("shop.example", "shop.example") && !OriginPolicy.isWithin("example", "shop.example"))
        #expect(OriginPolicy.isWithin("a.bücher.example", "bücher.example") && !OriginPolicy.isWithin("xbücher.example", "bücher.example"))
        #expect(LandingURL("HTTPS://Bücher.Example/").host == "bücher.example" && LandingURL("https:///p").host == nil)
        #expect(LandingURL.host(of: "https://a@b@Shop.Example:1/x") == "shop.example" && LandingURL.host(of: "https:/shop.example") == nil)
        // IPv6 literals keep their brackets, and their colons are not a port.
        #expect(LandingURL.host(of: "http://[::1]/") == "[::1]" && LandingURL.host(of: "https://[2001:DB8::1]:8443/x") == "[2001:db8::1]")
        #expect(LandingURL.host(of: "http://[::1/x") == nil)
    }

    @Test func queryTextDecodesAsFoundationDecodesIt() {
        // ASCII is decoded by hand; other bytes and malformed escapes keep Foundation's reading.
        for raw in ["a+b%20c", "%41%7e%2B", "%00x", "caf%C3%A9", "caf%c3%a9", "%A9", "%C3", "%zz", "%4", "%", "é+ü", "x%80"] {
            let foundation = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            let url = LandingURL("https://shop.example/?q=\(raw)&\(raw)=1")
            #expect(url.value("q") == foundation.flatMap { $0.isEmpty ? nil : $0 }, "\(raw)")
            #expect(url.query.map(\.name) == ["q"] + (foundation.map { $0.isEmpty ? [] : [$0] } ?? []), "\(raw)")
        }
    }
}
