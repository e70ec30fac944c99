import Contracts
import Foundation
import Kernel

/// The stored form of a `ConversionMemo`, version 2. A memo is read and written again on the writer's single thread
/// for every sale, review and refund, where decoding and encoding it as JSON (version 1, still read) took some 20 µs
/// of a sale:
///
///     version u8 · kind u8 · status u8 · attribution u8 · flags u8 (bit 0 recurring, 1 subscription, 2 a named
///     customer, 3 returning, 4 a click) · at · program 16 · affiliate 16 · amount i64 · its currency · commission
///     i64 · its currency · with a click: its at · link 16 · device u8 · country, referrer host, the five UTM fields
///
/// Dates keep all their bits, texts are `BinaryRecordWriter`'s.
enum MemoCoding {
    static let version: UInt8 = 2

    static func encode(_ memo: ConversionMemo) -> [UInt8] {
        var out = BinaryRecordWriter(capacity: 96)
        out.byte(version)
        out.choice(memo.kind)
        out.choice(memo.status)
        out.choice(memo.attribution)
        var flags: UInt8 = memo.recurring ? 1 : 0
        if memo.subscription { flags |= 2 }
        if let returning = memo.returningCustomer { flags |= returning ? 4 | 8 : 4 }
        if memo.click != nil { flags |= 16 }
        out.byte(flags)
        out.date(memo.at)
        out.id(memo.programID)
        out.id(memo.affiliateID)
        out.money(memo.amount)
        out.money(memo.commission)
        if let click = memo.click {
            out.date(click.at)
            out.id(click.linkID)
            out.choice(click.device)
            for text in [click.country, click.referrerHost, click.utm.source, click.utm.medium, click.utm.campaign, click.utm.term, click.utm.content] {
                out.text(text)
            }
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> ConversionMemo {
        try BinaryRecordReader.decode(bytes, record: "conversion memo", version: version) { reader in
            let kind = try reader.choice(of: ConversionMemo.Kind.self), status = try reader.choice(of: ConversionStatus.self)
            let attribution = try reader.choice(of: AttributionBucket.self)
            let flags = try reader.byte()
            let at = try reader.date()
            let program: ProgramID = try reader.id(), affiliate: AffiliateID = try reader.id()
            let amount = try reader.money(), commission = try reader.money()
            var click: ClickFacts?
            if flags & 16 != 0 {
                let clickAt = try reader.date()
                let link: AffiliateLinkID = try reader.id()
                let device = try reader.choice(of: DeviceClass.self)
                let country = try reader.text(), referrer = try reader.text()
                let utm = UTMParameters(
                    source: try reader.text(), medium: try reader.text(), campaign: try reader.text(), term: try reader.text(), content: try reader.text())
                click = ClickFacts(at: clickAt, linkID: link, country: country, device: device, referrerHost: referrer, utm: utm)
            }
            return ConversionMemo(
                at: at, programID: program, affiliateID: affiliate, kind: kind, recurring: flags & 1 != 0, subscription: flags & 2 != 0, status: status,
                amount: amount, commission: commission, click: click, attribution: attribution,
                returningCustomer: flags & 4 != 0 ? flags & 8 != 0 : nil)
        }
    }
}
