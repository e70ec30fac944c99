import Contracts
import Testing
import Tracking

@Suite struct CountryResolverTests {
    struct FixedLookup: CountryLookup {
        func country(forAddress address: String) -> String? { address == "81.2.69.160" ? "gb" : nil }
    }

    @Test func aTrustedHeaderWinsThenTheDatabase() {
        let resolver = CountryResolver(headerName: "CF-IPCountry", lookup: FixedLookup())
        #expect(resolver.country(header: "de", address: "81.2.69.160") == "DE")
        #expect(resolver.country(header: nil, address: "81.2.69.160") == "GB")
        #expect(resolver.country(header: "XX", address: "10.0.0.1") == nil)
        #expect(resolver.country(header: "DEU", address: "10.0.0.1") == nil)
        #expect(CountryResolver(headerName: nil, lookup: nil).country(header: nil, address: "81.2.69.160") == nil)
    }
}
