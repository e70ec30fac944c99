import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Testing

@Suite struct TaxFormsAPITests {
    static let pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    private func setUp(_ api: APIHarness) async throws -> (key: String, affiliate: String) {
        let key = try await api.tenantKey("acme")
        let program = try await api.createProgram(key, holidayProgram)["id"]!.stringValue!
        let affiliate = try await api.call(.post, "/api/v1/affiliates", token: key, body: #"{"programId":"\#(program)","email":"a@x.com"}"#)
        return (key, affiliate.json["id"]!.stringValue!)
    }

    /// The path and query of a signed URL, for the test client.
    private func relative(_ url: JSONValue?) -> String {
        let text = url?.stringValue ?? ""
        return String(text[text.range(of: "/downloads/")!.lowerBound...])
    }

    @Test func aSignedLinkDownloadsTheFormOnce() async throws {
        try await APIHarness.run { api in
            let (key, affiliate) = try await setUp(api)
            #expect(try await api.call(.get, "/api/v1/affiliates/\(affiliate)/tax-form", token: key).status == .notFound)
            let notPDF = try await api.call(.put, "/api/v1/affiliates/\(affiliate)/tax-form?type=W9", token: key, body: "hello")
            #expect(notPDF.status == .badRequest)
            #expect(try await api.call(.put, "/api/v1/affiliates/\(affiliate)/tax-form?type=1099", token: key, body: Self.pdf).field == "type")
            let uploaded = try await api.call(.put, "/api/v1/affiliates/\(affiliate)/tax-form?type=W9", token: key, body: Self.pdf)
            #expect(uploaded.status == .created && uploaded.json["type"] == .string("W9"))

            let issued = try await api.call(.get, "/api/v1/affiliates/\(affiliate)/tax-form", token: key)
            #expect(issued.json.keys == ["id", "affiliateId", "type", "submittedAt", "signedUrl", "expiresInSeconds"])
            #expect(issued.json["expiresInSeconds"] == .int(300))
            let path = relative(issued.json["signedUrl"])
            let tampered = path.replacingOccurrences(of: "sig=", with: "sig=00")
            #expect(try await api.call(.get, tampered).status == .notFound)
            let download = try await api.call(.get, path)
            #expect(download.status == .ok && download.raw == Self.pdf)
            #expect(download.header("Content-Type") == "application/pdf")
            #expect(try await api.call(.get, path).status == .notFound)

            let globex = try await api.tenantKey("globex")
            #expect(try await api.call(.get, "/api/v1/affiliates/\(affiliate)/tax-form", token: globex).status == .notFound)
            #expect(try await api.call(.put, "/api/v1/affiliates/\(affiliate)/tax-form?type=W9", token: globex, body: Self.pdf).status == .notFound)
        }
    }

    @Test func linksExpireAfterFiveMinutes() async throws {
        let clock = ManualClock(Date())
        try await APIHarness.run(clock: clock) { api in
            let (key, affiliate) = try await setUp(api)
            _ = try await api.call(.put, "/api/v1/affiliates/\(affiliate)/tax-form?type=W8BEN", token: key, body: Self.pdf)
            let path = relative(try await api.call(.get, "/api/v1/affiliates/\(affiliate)/tax-form", token: key).json["signedUrl"])
            clock.advance(by: 301)
            #expect(try await api.call(.get, path).status == .notFound)
        }
    }
}
