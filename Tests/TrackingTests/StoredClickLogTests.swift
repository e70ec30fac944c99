import Contracts
import Foundation
import Kernel
import TestSupport
import Testing

@testable import Tracking

/// The click records as the log Insights folds: a click that took its id but is still being written holds back every
/// later one, so a fold's cursor never passes a click that is yet to appear.
@Suite struct StoredClickLogTests {
    let tenant = testTenant(7)
    let ids = IDGenerator(clock: SystemClock())

    @Test func aClickStillBeingWrittenHoldsBackTheLaterOnes() async throws {
        try await withTemporaryDatabase { database, _ in
            let sequence = ClickSequence(ids: ids)
            let log = StoredClickLog(sequence: sequence)
            func store(_ id: ClickID) async throws {
                let click = Click(
                    id: id, programID: ids.next(), affiliateID: ids.next(), linkID: ids.next(), code: "jane", at: Date(), consentGranted: true,
                    device: .desktop, country: "DE", landingPage: nil, referrerHost: nil, utm: UTMParameters())
                try await database.write { store, _ in try store.put(.records, ClickKeys.clicks(tenant).key(id), ClickCoding.encode(click)) }
                sequence.end(id)
            }
            func read(after cursor: ClickID? = nil, below watermark: ClickID? = nil) throws -> [ClickID] {
                let watermark = watermark ?? log.watermark()
                return try database.read { try log.clicks(of: tenant, after: cursor, below: watermark, limit: 10, in: $0) }.map(\.clickID)
            }

            let early = try database.read { try sequence.begin(tenant, in: $0) }
            let late = try database.read { try sequence.begin(tenant, in: $0) }
            try await store(late)
            #expect(try read().isEmpty)
            try await store(early)
            #expect(try read() == [early, late])
            #expect(try read(after: early) == [late])
            #expect(log.recentTenants() == [tenant])

            // With nothing being written, the watermark is below every id still to be taken.
            let watermark = log.watermark()
            let next = try database.read { try sequence.begin(tenant, in: $0) }
            try await store(next)
            #expect(try read(below: watermark) == [early, late])
            #expect(try read() == [early, late, next])
            #expect(try database.read { try StoredClickLog().clicks(of: tenant, after: late, below: StoredClickLog().watermark(), limit: 10, in: $0) }.map(\.clickID) == [next])
        }
    }

    /// After a restart with the clock set back, a tenant's new clicks still take ids above its stored ones, which a
    /// fold's cursor may have reached.
    @Test func idsKeepGrowingAfterTheClockWentBack() async throws {
        try await withTemporaryDatabase { database, _ in
            let now = Date()
            let earlier = IDGenerator(clock: ManualClock(now.addingTimeInterval(3_600)))
            let stored: ClickID = earlier.next()
            let click = Click(
                id: stored, programID: ids.next(), affiliateID: ids.next(), linkID: ids.next(), code: "jane", at: now, consentGranted: true,
                device: .desktop, country: nil, landingPage: nil, referrerHost: nil, utm: UTMParameters())
            try await database.write { store, _ in try store.put(.records, ClickKeys.clicks(tenant).key(stored), ClickCoding.encode(click)) }

            let sequence = ClickSequence(ids: IDGenerator(clock: ManualClock(now)))
            let first = try database.read { try sequence.begin(tenant, in: $0) }
            let second = try database.read { try sequence.begin(tenant, in: $0) }
            #expect(first > stored && second > first)
            // Another tenant's clicks are not held back by it, but still grow.
            let other = try database.read { try sequence.begin(testTenant(8), in: $0) }
            #expect(other > second)
        }
    }
}
