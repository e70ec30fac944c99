import HTTPTypes
import Kernel
import Testing

@Suite struct LoaderAPITests {
    @Test func theLoaderIsPublicCacheableJavaScript() async throws {
        try await APIHarness.run { api in
            let loader = try await api.call(.get, "/api/v1/r/loader.js")
            #expect(loader.status == .ok)
            #expect(loader.header("Content-Type") == "application/javascript; charset=utf-8")
            #expect(loader.header("Cache-Control") == "public, max-age=3600")
            #expect(loader.header("Access-Control-Allow-Origin") == "*")
            #expect(loader.header("X-RateLimit-Remaining") != nil)
            #expect(loader.raw.contains("window") && loader.raw.contains("rekomi_cid") && loader.raw.contains("/api/tracking/click"))
            let etag = try #require(loader.header("ETag"))
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && etag.count > 2)
        }
    }

    @Test func aMatchingETagAnswers304() async throws {
        try await APIHarness.run { api in
            let etag = try #require(try await api.call(.get, "/api/v1/r/loader.js").header("ETag"))
            for tags in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                let cached = try await api.call(.get, "/api/v1/r/loader.js", headers: [.ifNoneMatch: tags])
                #expect(cached.status == .notModified, "\(tags)")
                #expect(cached.raw.isEmpty && cached.header("ETag") == etag && cached.header("Cache-Control") == "public, max-age=3600")
            }
            let stale = try await api.call(.get, "/api/v1/r/loader.js", headers: [.ifNoneMatch: "\"stale\""])
            #expect(stale.status == .ok && !stale.raw.isEmpty)
        }
    }
}
