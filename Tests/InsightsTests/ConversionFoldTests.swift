import Contracts
import Foundation
@testable import Insights
import Kernel
import Testing
import TestSupport

@Suite struct ConversionFoldTests {
    static let tenant = TenantID(number: 7)!

    static func sale(_ id: ConversionID) -> ConversionRecorded {
        ConversionRecorded(
            tenant: tenant, conversionID: id, type: .oneTime, status: .pending, programID: ProgramID(uuid: UUID()), affiliateID: AffiliateID(uuid: UUID()),
            amount: Money(minorUnits: 5_000, currency: .usd), commission: Money(minorUnits: 500, currency: .usd), clickID: nil, click: nil,
            attributionMethod: nil, customerID: nil, subscriptionID: nil, at: Date(timeIntervalSince1970: 1_780_000_000))
    }

    /// A fold planned before a row changed again must not be applied: the check in the write finds the change, and
    /// the cells then count the row as it is now.
    @Test func aPlanIsAppliedOnlyWhileItsRowsAreAsRead() async throws {
        try await withTemporaryDatabase { database, _ in
            let store = database.engine
            database.bus.addProjector(InsightsProjector())
            let id: ConversionID = IDGenerator(clock: SystemClock()).next()
            let sale = Self.sale(id)
            try await database.write { _, log in log.record(sale) }
            let pending = PendingConversions()
            let prefix = pending.rows(of: Self.tenant).prefix
            let plan = try store.read { try ConversionFold(prefix, pending, namespace: RollupKeys.live, limit: 10, in: $0) }
            #expect(plan.count == 1)
            #expect(try await store.write { try plan.isCurrent(in: $0) })

            let approval = ConversionApproved(
                tenant: Self.tenant, conversionID: id, affiliateID: sale.affiliateID, from: .pending, commission: sale.commission, at: sale.at)
            try await database.write { _, log in log.record(approval) }
            #expect(try await store.write { try !plan.isCurrent(in: $0) })

            try await RollupFolder(store: store).fold()
            let keys = RollupKeys(Self.tenant)
            let cell = try #require(try store.read { try $0.get(.rollups, keys.series(.tenant, .day(CalendarDay(sale.at)))) })
            let counters = try CounterSet(encoded: cell)
            #expect(counters.count(.conversions) == 1 && counters.count(.approved) == 1)
            #expect(try store.read { reader in
                var left = 0
                try reader.scan(.rollups, prefix: prefix) { _, _ in left += 1; return true }
                return left
            } == 0)
        }
    }
}
