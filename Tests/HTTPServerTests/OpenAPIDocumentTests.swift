import Contracts
import Foundation
@testable import HTTPServer
import Hummingbird
import Kernel
import Storage
import TestSupport
import Testing

@Suite struct OpenAPIDocumentTests {
    /// Every route the router serves is documented, and every documented operation is served.
    @Test func theDocumentAndTheRouterAgree() async throws {
        try await withTemporaryDatabase { database, _ in
            let router = try buildRouter(
                services: VouchServices(
                    database: database, clock: SystemClock(), blobs: FileBlobStore(directory: NSTemporaryDirectory() + "/vouch-blobs-\(UUID())"),
                    notifier: SilentNotifier(), publicURL: "http://localhost"), configuration: ServerConfiguration(), adminToken: "x",
                clock: SystemClock())
            let served = Set(
                router.routes.map { route in
                    let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                    return "\(route.method.rawValue.lowercased()) /" + path.joined(separator: "/")
                })
            let document = try OpenAPIDocument.load()
            guard case .object(let paths)? = document["paths"] else { Issue.record("no paths"); return }
            let documented = Set(paths.flatMap { path, item in item.keys.map { "\($0) \(path)" } })
            #expect(served.subtracting(documented).sorted() == [], "served but not documented")
            #expect(documented.subtracting(served).sorted() == [], "documented but not served")
            #expect(document["openapi"] == .string("3.1.0"))
        }
    }

    @Test func everyOperationHasAnIdAndResponses() throws {
        guard case .object(let paths)? = try OpenAPIDocument.load()["paths"] else { Issue.record("no paths"); return }
        var operationIDs: Set<String> = []
        for (path, item) in paths {
            guard case .object(let operations) = item else { continue }
            for (method, operation) in operations {
                let id = try #require(operation["operationId"]?.stringValue, "\(method) \(path)")
                #expect(operationIDs.insert(id).inserted, "duplicate operationId \(id)")
                #expect(operation["responses"] != nil, "\(method) \(path)")
            }
        }
    }
}

extension JSONValue {
    fileprivate var keys: [String] { if case .object(let members) = self { members.map(\.0) } else { [] } }
}

private struct SilentNotifier: Notifier {
    func send(_ message: OutgoingMessage) async {}
}
