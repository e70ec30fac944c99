import Kernel
import TestSupport
import Testing
import Tracking

@Suite struct PixelKeyServiceTests {
    @Test func aKeyIsProvisionedOncePerTenantAndNamesItsTenant() async throws {
        try await withTemporaryDatabase { database, _ in
            let service = PixelKeyService(database: database, clock: SystemClock())
            #expect(try service.pixelKey(testTenant(1)) == nil)
            let (key, created) = try await service.provision(testTenant(1))
            #expect(created && key.hasPrefix("rkpk_") && key.count == 37)
            let again = try await service.provision(testTenant(1))
            #expect(again.pixelKey == key && !again.created)
            #expect(try service.pixelKey(testTenant(1)) == key)
            #expect(try service.tenant(forPixelKey: key) == testTenant(1))
            #expect(try service.tenant(forPixelKey: "rkpk_unknown") == nil)
            #expect(try await service.provision(testTenant(2)).pixelKey != key)
        }
    }
}
