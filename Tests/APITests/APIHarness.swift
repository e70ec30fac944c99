import Foundation
import HTTPServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Logging
import TestSupport

/// A real Vouch server on a free port and a temporary data directory, driven over HTTP.
struct APIHarness: Sendable {
    static let adminToken = "test-admin-token"
    let client: any TestClientProtocol
    let notifier: CapturingNotifier

    struct Reply {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let raw: String
        var json: JSONValue { (try? JSONValue.parse(Array(raw.utf8))) ?? .null }
        var error: String? { json["error"]?.stringValue }
        var field: String? { json["field"]?.stringValue }
        func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }
    }

    static func run(
        apiRateLimit: Int = 10_000, publicWriteRateLimit: Int = 10_000, clock: any WallClock = SystemClock(), publicURL: String? = nil,
        exchangeRates: String? = nil, dataDirectory: String? = nil, insightsProjections: Bool = true, _ body: @Sendable (APIHarness) async throws -> Void
    ) async throws {
        // A given directory is the caller's to inspect afterwards and to remove.
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("vouch-api-\(UUID())").path
        defer { if dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.dataDirectory = directory
        configuration.tenantsDirectory = directory + "/no-tenant-files"
        configuration.adminToken = adminToken
        configuration.apiRateLimit = apiRateLimit
        configuration.publicWriteRateLimit = publicWriteRateLimit
        configuration.publicURL = publicURL
        configuration.logLevel = .warning
        configuration.insightsProjections = insightsProjections
        if let exchangeRates {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            configuration.exchangeRatesFile = directory + "/fx.json"
            try exchangeRates.write(toFile: directory + "/fx.json", atomically: true, encoding: .utf8)
        }
        let notifier = CapturingNotifier()
        let app = try await buildApplication(configuration, clock: clock, notifier: notifier)
        try await app.test(.live) { client in try await body(APIHarness(client: client, notifier: notifier)) }
    }

    @discardableResult
    func call(_ method: HTTPRequest.Method, _ path: String, token: String? = nil, body: String? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Reply(status: response.status, headers: response.headers, raw: String(buffer: response.body))
    }

    func admin(_ method: HTTPRequest.Method, _ path: String, body: String? = nil) async throws -> Reply {
        try await call(method, "/admin/tenants" + path, token: Self.adminToken, body: body)
    }

    /// Creates a tenant and returns a key of the given scope.
    func tenantKey(_ handle: String, plan: String = "Growth", status: String = "Active", scope: String = "read_write") async throws -> String {
        let created = try await admin(.post, "", body: #"{"handle":"\#(handle)","name":"\#(handle)","planTier":"\#(plan)","subscriptionStatus":"\#(status)"}"#)
        precondition(created.status == .created || created.status == .conflict, created.raw)
        return try await key(handle, scope: scope)
    }

    func key(_ handle: String, scope: String) async throws -> String {
        let reply = try await admin(.post, "/\(handle)/api-keys", body: #"{"name":"test","scope":"\#(scope)"}"#)
        guard let key = reply.json["key"]?.stringValue else { throw HarnessError(reply.raw) }
        return key
    }

    func createProgram(_ token: String, _ body: String) async throws -> JSONValue {
        let reply = try await call(.post, "/api/v1/programs", token: token, body: body)
        guard reply.status == .created else { throw HarnessError(reply.raw) }
        return reply.json
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The spec's example create request.
let holidayProgram = #"""
{"name":"Holiday promo program","slug":"holiday-2026","description":"Limited-time 30% commission for Q4.","termsUrl":"https://yourbrand.com/affiliate-terms","defaultCommissionType":"Percentage","defaultCommissionValue":30.0,"defaultCommissionModel":"Cps","cookieWindowDays":30,"recurringMonths":null,"recurringDelayInvoices":0,"attributionModel":"LastTouch","autoApprove":false}
"""#

extension JSONValue {
    var keys: [String] { if case .object(let members) = self { members.map(\.0) } else { [] } }
    var intValue: Int64? { if case .int(let value) = self { value } else { nil } }
    var items: [JSONValue] { if case .array(let items)? = self["items"] { items } else { [] } }
}
