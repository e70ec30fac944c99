import Contracts
import Foundation
@testable import Insights
import Kernel
import Testing
import TestSupport

@Suite struct ConversionFoldTests {
    static let tenant = TenantID(number: 7)!

    static func sale(_ id: ConversionID, by affiliate: AffiliateID = AffiliateID(uuid: UUID())) -> ConversionRecorded {
        ConversionRecorded(
            tenant: tenant, conversionID: id, type: .oneTime, status: .pending, programID: ProgramID(uuid: UUID()), affiliateID: affiliate,
            amount: Money(minorUnits: 5_000, currency: .usd), commission: Money(minorUnits: 500, currency: .usd), clickID: nil, click: nil,
            attributionMethod: nil, customerID: nil, subscriptionID: nil, at: Date(timeIntervalSince1970: 1_780_000_000))
    }

    /// A fold planned before a row changed again must not be applied: the check in the write finds the change, and
    /// the plan worked out again counts the row as it is now.
    @Test func aPlanIsAppliedOnlyWhileItsRowsAreAsRead() async throws {
        try await withTemporaryDatabase { database, _ in
            let store = database.engine
            database.bus.addProjector(InsightsProjector())
            let id: ConversionID = IDGenerator(clock: SystemClock()).next()
            let sale = Self.sale(id)
            try await database.write { _, log in log.record(sale) }
            let pending = PendingConversions()
            let prefix = pending.rows(of: Self.tenant).prefix
            let rows = try store.read { try ConversionFold.rows(prefix, pending, namespace: RollupKeys.live, limit: 10, in: $0) }
            let plans = try ConversionFold.plans(rows, namespace: RollupKeys.live, size: 10)
            let plan = try #require(plans.first)
            #expect(plans.count == 1 && plan.rows.count == 1)
            #expect(try await store.write { try plan.isCurrent(in: $0) })

            let approval = ConversionApproved(
                tenant: Self.tenant, conversionID: id, affiliateID: sale.affiliateID, from: .pending, commission: sale.commission, at: sale.at)
            try await database.write { _, log in log.record(approval) }
            #expect(try await store.write { try !plan.isCurrent(in: $0) })

            try await store.write { writer in try plan.refreshed(in: writer, namespace: RollupKeys.live).apply(in: writer) }
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

    /// Plans are cut between affiliates, never through one, so that an affiliate's sales share its cells.
    @Test func anAffiliatesRowsAreFoldedInOnePlan() async throws {
        try await withTemporaryDatabase { database, _ in
            database.bus.addProjector(InsightsProjector())
            let ids = IDGenerator(clock: SystemClock())
            let (a, b, c) = (AffiliateID(uuid: UUID()), AffiliateID(uuid: UUID()), AffiliateID(uuid: UUID()))
            var affiliateOf: [ConversionID: AffiliateID] = [:]
            for affiliate in [a, b, c, a, c, a] {
                let sale = Self.sale(ids.next(), by: affiliate)
                affiliateOf[sale.conversionID] = affiliate
                try await database.write { _, log in log.record(sale) }
            }
            let pending = PendingConversions()
            let rows = try database.engine.read {
                try ConversionFold.rows(pending.rows(of: Self.tenant).prefix, pending, namespace: RollupKeys.live, limit: 10, in: $0)
            }
            let plans = try ConversionFold.plans(rows, namespace: RollupKeys.live, size: 2)
            let affiliates = plans.map { plan in plan.rows.map { affiliateOf[pending.row($0.pending)!.conversion]! } }
            #expect(affiliates == [[a, a, a], [b, c, c]])
        }
    }
}
