import HTTPTypes
import Kernel
import Testing

@Suite struct WebTrackingAPITests {
    @Test func thePixelKeyIsCreatedOnceAndKeptPerTenant() async throws {
        try await APIHarness.run { api in
            let acme = try await api.tenantKey("acme")
            #expect(try await api.call(.get, "/api/v1/settings/web-tracking", token: acme).json == .object([("pixelPublicKey", .null)]))
            let created = try await api.call(.post, "/api/v1/settings/web-tracking/pixel-key", token: acme)
            #expect(created.status == .created && created.json.keys == ["pixelPublicKey"])
            let key = try #require(created.json["pixelPublicKey"]?.stringValue)
            #expect(key.hasPrefix("rkpk_") && key.count == 37)
            #expect(key.dropFirst(5).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            let again = try await api.call(.post, "/api/v1/settings/web-tracking/pixel-key", token: acme)
            #expect(again.status == .ok && again.json["pixelPublicKey"] == .string(key))
            #expect(try await api.call(.get, "/api/v1/settings/web-tracking", token: acme).json["pixelPublicKey"] == .string(key))

            let globex = try await api.tenantKey("globex")
            #expect(try await api.call(.get, "/api/v1/settings/web-tracking", token: globex).json["pixelPublicKey"] == .null)
            let other = try await api.call(.post, "/api/v1/settings/web-tracking/pixel-key", token: globex)
            #expect(other.status == .created && other.json["pixelPublicKey"] != .string(key))
        }
    }

    @Test func creatingTheKeyNeedsReadWrite() async throws {
        try await APIHarness.run { api in
            _ = try await api.tenantKey("acme")
            let reader = try await api.key("acme", scope: "read")
            #expect(try await api.call(.post, "/api/v1/settings/web-tracking/pixel-key", token: reader).status == .forbidden)
            #expect(try await api.call(.get, "/api/v1/settings/web-tracking", token: reader).status == .ok)
            #expect(try await api.call(.get, "/api/v1/settings/web-tracking").status == .unauthorized)
        }
    }

    @Test func concurrentRequestsShareOneKey() async throws {
        try await APIHarness.run { api in
            let acme = try await api.tenantKey("acme")
            let keys = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await api.call(.post, "/api/v1/settings/web-tracking/pixel-key", token: acme).json["pixelPublicKey"]?.stringValue }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(keys.count == 1 && keys.first! != nil)
        }
    }
}
