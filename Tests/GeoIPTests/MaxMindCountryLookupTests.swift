import Foundation
import GeoIP
import TestSupport
import Testing

@Suite struct MaxMindCountryLookupTests {
    /// A database shaped like GeoIP2 Country: IPv4 and IPv6 networks, one of them known only by its registered country.
    static func database() -> [UInt8] {
        var writer = MMDBWriter()
        writer.insert("192.0.2.0/24", .map(["country": .map(["iso_code": "DE", "geoname_id": .uint32(2_921_044)])]))
        writer.insert("198.51.100.0/25", .map(["country": .map(["iso_code": "US"]), "registered_country": .map(["iso_code": "CA"])]))
        writer.insert("203.0.113.0/24", .map(["registered_country": .map(["iso_code": "gb"])]))
        writer.insert("100.64.0.0/10", .map(["continent": .map(["code": "EU"])]))
        writer.insert("2001:db8::/32", .map(["country": .map(["iso_code": "JP"])]))
        return writer.bytes()
    }

    /// A lookup over `bytes` written to a file of its own, so tests run in parallel.
    func withLookup(_ bytes: [UInt8] = database(), _ body: (MaxMindCountryLookup) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/country.mmdb"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            try await body(try MaxMindCountryLookup(path: path))
        }
    }

    @Test func addressesInANetworkGetItsCountry() async throws {
        try await withLookup { lookup in
            #expect(lookup.country(forAddress: "192.0.2.1") == "DE")
            #expect(lookup.country(forAddress: "192.0.2.255") == "DE")
            #expect(lookup.country(forAddress: "198.51.100.7") == "US")
            #expect(lookup.country(forAddress: "2001:db8:1234::1") == "JP")
        }
    }

    @Test func registeredCountryIsTheFallbackAndCodesAreUpperCase() async throws {
        try await withLookup { lookup in
            #expect(lookup.country(forAddress: "203.0.113.9") == "GB")
        }
    }

    @Test(arguments: ["192.0.3.1", "198.51.100.200", "10.0.0.1", "2001:db9::1", "::1", "100.64.1.1"])
    func addressesWithoutACountryGetNil(address: String) async throws {
        try await withLookup { lookup in
            #expect(lookup.country(forAddress: address) == nil)
        }
    }

    @Test(arguments: ["", "not an address", "300.0.2.1", "192.0.2.1.5", "192.0.2.1:443", "[2001:db8::1]", "example.com", "2001:db8::g"])
    func textThatIsNoAddressGetsNil(text: String) async throws {
        try await withLookup { lookup in
            #expect(lookup.country(forAddress: text) == nil)
        }
    }

    @Test func aFileThatIsNoDatabaseIsRefused() async throws {
        let error = await #expect(throws: GeoIPDatabaseError.self) {
            try await withLookup(Array("country,iso_code\n192.0.2.0/24,DE\n".utf8)) { _ in }
        }
        #expect(error?.description.hasPrefix("cannot open the GeoIP database ") == true)
        #expect(error?.reason.isEmpty == false)
        #expect(throws: GeoIPDatabaseError.self) { try MaxMindCountryLookup(path: "/nonexistent/country.mmdb") }
    }

    @Test func concurrentLookupsAgree() async throws {
        let expected: [(String, String?)] = [("192.0.2.77", "DE"), ("198.51.100.1", "US"), ("203.0.113.200", "GB"), ("2001:db8::5", "JP"), ("192.0.3.1", nil)]
        try await withLookup { lookup in
            let mismatches = await withTaskGroup(of: Int.self) { group in
                for task in 0..<32 {
                    group.addTask {
                        (0..<500).reduce(0) { count, round in
                            let (address, country) = expected[(task + round) % expected.count]
                            return count + (lookup.country(forAddress: address) == country ? 0 : 1)
                        }
                    }
                }
                return await group.reduce(0, +)
            }
            #expect(mismatches == 0)
        }
    }
}
