import Contracts
import Foundation
@testable import Insights
import Kernel
import Testing
import TestSupport

@Suite struct FirstPurchaseTests {
    static let tenant = TenantID(number: 9)!
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func sale(_ id: ConversionID, at: Date) -> ConversionRecorded {
        ConversionRecorded(
            tenant: tenant, conversionID: id, type: .oneTime, status: .pending, programID: ProgramID(uuid: UUID()), affiliateID: AffiliateID(uuid: UUID()),
            amount: Money(minorUnits: 5_000, currency: .usd), commission: Money(minorUnits: 500, currency: .usd), clickID: nil, click: nil,
            attributionMethod: nil, customerID: "cus_1", subscriptionID: nil, at: at)
    }

    /// A store from before kept a customer's first purchase as its id alone: a sale recorded after the upgrade still
    /// finds that sale's time in its memo, and an earlier one still takes its place.
    @Test func aFirstPurchaseStoredAsItsIdAloneIsStillTold() async throws {
        try await withTemporaryDatabase { database, _ in
            database.bus.addProjector(InsightsProjector())
            let ids = IDGenerator(clock: SystemClock())
            let keys = RollupKeys(Self.tenant)
            let (first, earlier, later): (ConversionID, ConversionID, ConversionID) = (ids.next(), ids.next(), ids.next())
            try await database.write { _, log in log.record(Self.sale(first, at: Self.start)) }
            let stored = try #require(try database.engine.read { try $0.get(.rollups, keys.customer("cus_1")) })
            #expect(try FirstPurchase(stored: stored).at == Self.start)
            try await database.engine.write { try $0.put(.rollups, keys.customer("cus_1"), first.bytes) }

            try await database.write { _, log in log.record(Self.sale(earlier, at: Self.start.addingTimeInterval(-3_600))) }
            try await database.write { _, log in log.record(Self.sale(later, at: Self.start.addingTimeInterval(3_600))) }
            let returning = try database.engine.read { reader in
                try [first, earlier, later].map { try MemoCoding.decode(#require(try reader.get(.rollups, keys.memo($0)))).returningCustomer }
            }
            #expect(returning == [true, false, true])
            let now = try #require(try database.engine.read { try $0.get(.rollups, keys.customer("cus_1")) })
            #expect(try FirstPurchase(stored: now).conversion == earlier)
        }
    }
}
