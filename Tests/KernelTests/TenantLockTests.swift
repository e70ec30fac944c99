import Foundation
import Kernel
import TestSupport
import Testing

@Suite struct TenantLockTests {
    @Test func aHeldLockRefusesOthersUntilReleasedOrAbandoned() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withTemporaryDatabase(clock: clock) { database, _ in
            let lock = TenantLock(name: "import", lease: 600, database: database, clock: clock)
            let busy = DomainError.conflict("busy", "held")
            let inner = try await lock.withLock(testTenant(1), busy: busy) {
                let refused = await domainError { try await lock.withLock(testTenant(1), busy: busy) {} }
                let otherTenant = try await lock.withLock(testTenant(2), busy: busy) { "free" }
                return (refused?.code, otherTenant)
            }
            #expect(inner.0 == "busy" && inner.1 == "free")
            #expect(try await lock.withLock(testTenant(1), busy: busy) { 1 } == 1)

            // A body that throws still releases.
            _ = await domainError { try await lock.withLock(testTenant(1), busy: busy) { throw DomainError.notFound("x") } }
            #expect(try await lock.withLock(testTenant(1), busy: busy) { 2 } == 2)

            // A holder that never released is taken over once its lease runs out.
            let abandoned = try await lock.withLock(testTenant(3), busy: busy) { () async throws -> String? in
                clock.advance(by: 601)
                return try await lock.withLock(testTenant(3), busy: busy) { "taken over" }
            }
            #expect(abandoned == "taken over")
        }
    }
}
