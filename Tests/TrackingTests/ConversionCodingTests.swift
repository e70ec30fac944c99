import Contracts
import Foundation
import Kernel
import Testing

@testable import Tracking

/// Ledger rows and timeline entries round-trip through their binary forms, rows with every optional field set or
/// absent; those stored as JSON before them are still read, and a row with a text too long for the binary form is
/// kept whole as JSON.
@Suite struct ConversionCodingTests {
    let ids = IDGenerator(clock: SystemClock())

    func row(full: Bool, customer: String? = "cus_42") -> Conversion {
        var row = Conversion(
            id: ids.next(), type: .recurring, status: .approved, programID: ids.next(), affiliateID: ids.next(),
            amount: Money(minorUnits: 4_900, currency: .usd), commission: Money(minorUnits: 980, currency: .usd),
            commissionRule: CommissionRule(type: .percentage, hundredths: 2_000), source: .serverToServer,
            externalEventID: full ? "evt_1" : nil, customerID: full ? customer : nil, customerEmail: full ? "ana@example.com" : nil,
            customerName: full ? "Ana Lima" : nil, createdAt: Date(timeIntervalSince1970: 1_790_000_000.123456))
        guard full else {
            row.commissionAtSale = nil
            return row
        }
        row.subscriptionID = "sub_1"
        row.attributionMethod = .emailMatch
        row.couponCode = "SPRING"
        row.clickID = ids.next()
        row.parentConversionID = ids.next()
        row.refunded = Money(minorUnits: 100, currency: .usd)
        row.refundedAt = Date(timeIntervalSince1970: 1_790_000_100.5)
        row.paidCommission = Money(minorUnits: 980, currency: Currency(rawValue: "EUR")!)
        row.timelineID = ids.next()
        return row
    }

    @Test func rowsRoundTripWithOrWithoutTheirOptionalFields() throws {
        for original in [row(full: true), row(full: false)] {
            let bytes = try ConversionCoding.encode(original)
            #expect(bytes.first == ConversionCoding.version)
            #expect(try ConversionCoding.decode(bytes) == original)
        }
    }

    @Test func rowsStoredAsJSONAreStillRead() throws {
        let original = row(full: true)
        #expect(try ConversionCoding.decode(RecordCoding.encode(original)) == original)
    }

    @Test func aTextTooLongForTheBinaryFormIsKeptWholeAsJSON() throws {
        let original = row(full: true, customer: String(repeating: "é", count: BinaryRecordWriter.maxTextBytes))
        let bytes = try ConversionCoding.encode(original)
        #expect(bytes.first == 1)
        #expect(try ConversionCoding.decode(bytes) == original)
    }

    @Test func damagedRowsAreReportedNotCrashed() throws {
        let bytes = try ConversionCoding.encode(row(full: true))
        for cut in [1, 3, 20, 60, bytes.count - 1] {
            #expect(throws: StoreError.self) { try ConversionCoding.decode(Array(bytes.prefix(cut))) }
        }
        var future = bytes
        future[0] = 9
        #expect(throws: StoreError.self) { try ConversionCoding.decode(future) }
    }

    @Test func timelineEntriesRoundTripAndOldOnesAreStillRead() throws {
        let entry = ConversionEvent(
            id: ids.next(), conversionID: ids.next(), kind: .renewalNotCommissioned, amount: Money(minorUnits: 4_900, currency: .usd),
            commission: Money(minorUnits: -980, currency: .usd), occurredAt: Date(timeIntervalSince1970: 1_790_000_000.25))
        #expect(try ConversionEventCoding.decode(ConversionEventCoding.encode(entry)) == entry)
        #expect(try ConversionEventCoding.decode(RecordCoding.encode(entry)) == entry)
        #expect(throws: StoreError.self) { try ConversionEventCoding.decode(Array(ConversionEventCoding.encode(entry).dropLast())) }
    }
}
