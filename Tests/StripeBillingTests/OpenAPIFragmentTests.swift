import Foundation
import Hummingbird
import Kernel
@testable import StripeBilling
import TestSupport
import Testing

/// The server's document test compares the whole document with the whole router once the routes are mounted there;
/// until then this keeps the adapter's fragment in step with its own controllers.
@Suite struct OpenAPIFragmentTests {
    static func fragment() throws -> JSONValue {
        let url = try #require(StripeBillingResources.bundle.url(forResource: "openapi", withExtension: "json"))
        return try JSONValue.parse(try Data(contentsOf: url))
    }

    @Test func theFragmentAndTheControllersAgree() async throws {
        try await withTemporaryDatabase { database, _ in
            let router = StripeHarness.router(database: database, clock: SystemClock(), sink: RecordingSink())
            let served = Set(
                router.routes.map { route in
                    let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                    return "\(route.method.rawValue.lowercased()) /" + path.joined(separator: "/")
                })
            guard case .object(let paths)? = try Self.fragment()["paths"] else { Issue.record("no paths"); return }
            let documented = Set(paths.flatMap { path, item in item.keys.map { "\($0) \(path)" } })
            #expect(served == documented)
        }
    }

    @Test func everyOperationHasAnIdAndResponses() throws {
        guard case .object(let paths)? = try Self.fragment()["paths"] else { Issue.record("no paths"); return }
        for (path, item) in paths {
            guard case .object(let operations) = item else { continue }
            for (method, operation) in operations {
                #expect(operation["operationId"]?.stringValue != nil, "\(method) \(path)")
                #expect(operation["responses"] != nil, "\(method) \(path)")
            }
        }
    }
}

extension JSONValue {
    fileprivate var keys: [String] { if case .object(let members) = self { members.map(\.0) } else { [] } }
}
