import Contracts
import Foundation
import Kernel

/// The stored form of a ledger row, version 2. Every sale is encoded on the writer's single thread, where JSON
/// (version 1, still read) took some 20 µs of the 35 the writer spent on a sale:
///
///     version u8 · present u16 (a bit per optional field, in the order below) · id 16 · type · status · program 16
///     · affiliate 16 · amount · commission · commission at sale? · rule type · rule hundredths i64 · source
///     · external event id? · customer id? · customer email? · customer name? · created at · subscription id?
///     · attribution method? · coupon code? · click id? 16 · parent conversion id? 16 · refunded? · refunded at?
///     · paid commission? · timeline id? 16
///
/// Money is its minor units (i64) and currency; cases are their raw values, so adding one never moves another; dates
/// keep all their bits. Texts are `BinaryRecordWriter`'s, which cuts past `maxTextBytes`: a row with a longer text
/// is stored as JSON instead, so nothing of a ledger row is ever cut.
enum ConversionCoding {
    static let version: UInt8 = 2

    static func encode(_ row: Conversion) throws -> [UInt8] {
        let texts = [row.externalEventID, row.customerID, row.customerEmail, row.customerName, row.subscriptionID, row.couponCode]
        if texts.contains(where: { ($0?.utf8.count ?? 0) > BinaryRecordWriter.maxTextBytes }) { return try RecordCoding.encode(row) }
        var out = BinaryRecordWriter(capacity: 192)
        out.byte(version)
        let optionals: [Bool] = [
            row.commissionAtSale != nil, row.externalEventID != nil, row.customerID != nil, row.customerEmail != nil, row.customerName != nil,
            row.subscriptionID != nil, row.attributionMethod != nil, row.couponCode != nil, row.clickID != nil, row.parentConversionID != nil,
            row.refunded != nil, row.refundedAt != nil, row.paidCommission != nil, row.timelineID != nil,
        ]
        out.integer(optionals.enumerated().reduce(UInt16(0)) { $0 | ($1.element ? 1 << UInt16($1.offset) : 0) })
        out.id(row.id)
        out.text(row.type.rawValue)
        out.text(row.status.rawValue)
        out.id(row.programID)
        out.id(row.affiliateID)
        out.money(row.amount)
        out.money(row.commission)
        row.commissionAtSale.map { out.money($0) }
        out.text(row.commissionRule.type.rawValue)
        out.integer(row.commissionRule.hundredths)
        out.text(row.source.rawValue)
        for text in [row.externalEventID, row.customerID, row.customerEmail, row.customerName] where text != nil { out.text(text) }
        out.date(row.createdAt)
        if let subscription = row.subscriptionID { out.text(subscription) }
        if let method = row.attributionMethod { out.text(method.rawValue) }
        if let coupon = row.couponCode { out.text(coupon) }
        row.clickID.map { out.id($0) }
        row.parentConversionID.map { out.id($0) }
        row.refunded.map { out.money($0) }
        row.refundedAt.map { out.date($0) }
        row.paidCommission.map { out.money($0) }
        row.timelineID.map { out.id($0) }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> Conversion {
        try BinaryRecordReader.decode(bytes, record: "conversion", version: version) { reader in
            let present = try reader.integer(UInt16.self)
            func has(_ bit: Int) -> Bool { present & 1 << UInt16(bit) != 0 }
            let id: ConversionID = try reader.id()
            let type = try reader.rawCase(of: ConversionType.self), status = try reader.rawCase(of: ConversionStatus.self)
            let program: ProgramID = try reader.id(), affiliate: AffiliateID = try reader.id()
            let amount = try reader.money(), commission = try reader.money()
            let commissionAtSale = has(0) ? try reader.money() : nil
            let rule = CommissionRule(type: try reader.rawCase(of: CommissionType.self), hundredths: try reader.integer(Int64.self))
            let source = try reader.rawCase(of: ConversionSource.self)
            let externalEventID = has(1) ? try reader.text() : nil, customerID = has(2) ? try reader.text() : nil
            let customerEmail = has(3) ? try reader.text() : nil, customerName = has(4) ? try reader.text() : nil
            var row = Conversion(
                id: id, type: type, status: status, programID: program, affiliateID: affiliate, amount: amount, commission: commission,
                commissionRule: rule, source: source, externalEventID: externalEventID, customerID: customerID, customerEmail: customerEmail,
                customerName: customerName, createdAt: try reader.date())
            row.commissionAtSale = commissionAtSale
            if has(5) { row.subscriptionID = try reader.text() }
            if has(6) { row.attributionMethod = try reader.rawCase(of: AttributionMethod.self) }
            if has(7) { row.couponCode = try reader.text() }
            if has(8) { row.clickID = try reader.id() }
            if has(9) { row.parentConversionID = try reader.id() }
            if has(10) { row.refunded = try reader.money() }
            if has(11) { row.refundedAt = try reader.date() }
            if has(12) { row.paidCommission = try reader.money() }
            if has(13) { row.timelineID = try reader.id() }
            return row
        }
    }
}
