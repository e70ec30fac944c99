import HTTPTypes
import Kernel

/// A tenant ready to track: a program on `shop.example` and affiliates reachable by their aliases.
struct TrackingFixture {
    let key: String
    let program: String

    static let origin: HTTPFields = [.origin: "https://www.shop.example"]

    static func make(_ api: APIHarness, handle: String = "acme", program extra: String = "") async throws -> TrackingFixture {
        let key = try await api.tenantKey(handle)
        let body = #"{"name":"Main","slug":"main","defaultCommissionType":"Percentage","defaultCommissionValue":20,"websiteDomain":"shop.example"\#(extra)}"#
        let program = try await api.createProgram(key, body)["id"]!.stringValue!
        return TrackingFixture(key: key, program: program)
    }

    /// Adds an affiliate whose alias is `code`; returns its id.
    @discardableResult
    func affiliate(_ api: APIHarness, code: String, status: String = "Approved", extra: String = "") async throws -> String {
        let reply = try await api.call(
            .post, "/api/v1/affiliates", token: key,
            body: #"{"programId":"\#(program)","email":"\#(code)@example.com","status":"\#(status)","customAlias":"\#(code)"\#(extra)}"#)
        guard let id = reply.json["id"]?.stringValue else { throw HarnessError(reply.raw) }
        return id
    }

    func click(_ api: APIHarness, _ fields: String, headers: HTTPFields = TrackingFixture.origin) async throws -> APIHarness.Reply {
        try await api.call(.post, "/api/tracking/click", body: #"{"programId":"\#(program)",\#(fields)}"#, headers: headers)
    }
}
