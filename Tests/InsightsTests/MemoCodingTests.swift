import Contracts
import Foundation
@testable import Insights
import Kernel
import Testing

@Suite struct MemoCodingTests {
    static func memo(kind: ConversionMemo.Kind, click: ClickFacts?, returning: Bool?, status: ConversionStatus) -> ConversionMemo {
        ConversionMemo(
            at: Date(timeIntervalSince1970: 1_764_930_000.123_456), programID: ProgramID(uuid: UUID()), affiliateID: AffiliateID(uuid: UUID()),
            kind: kind, recurring: kind == .sale, subscription: returning == true, status: status,
            amount: Money(minorUnits: 12_345, currency: Currency(rawValue: "EUR")!), commission: Money(minorUnits: -1_234, currency: .usd),
            click: click, attribution: click == nil ? .coupon : .link, returningCustomer: returning)
    }

    static let memos: [ConversionMemo] = {
        let click = ClickFacts(
            at: Date(timeIntervalSince1970: 1_764_900_000.5), linkID: AffiliateLinkID(uuid: UUID()), country: "DE", device: .tablet,
            referrerHost: "blog.example.com", utm: UTMParameters(source: "news", medium: nil, campaign: "spring – é", term: "", content: "x"))
        let bare = ClickFacts(at: Date(timeIntervalSince1970: 0), linkID: AffiliateLinkID(uuid: UUID()), country: nil, device: .bot, referrerHost: nil, utm: UTMParameters())
        return [
            memo(kind: .sale, click: click, returning: true, status: .approved),
            memo(kind: .sale, click: bare, returning: false, status: .refunded),
            memo(kind: .lead, click: nil, returning: nil, status: .pending),
            memo(kind: .reward, click: nil, returning: nil, status: .paid),
            memo(kind: .sale, click: nil, returning: nil, status: .denied),
        ]
    }()

    /// Every field survives, dates to the last bit: a memo that did not change must compare equal when read back,
    /// or every review would rewrite its cells.
    @Test func aMemoReadsBackAsWritten() throws {
        for memo in Self.memos {
            let bytes = MemoCoding.encode(memo)
            #expect(bytes.first == MemoCoding.version)
            #expect(try MemoCoding.decode(bytes) == memo)
        }
    }

    /// Memos stored as JSON before the binary form are still read.
    @Test func aMemoStoredAsJSONIsStillRead() throws {
        for memo in Self.memos {
            let decoded = try MemoCoding.decode(try RecordCoding.encode(memo))
            #expect(decoded.at.timeIntervalSince1970 == memo.at.timeIntervalSince1970 && decoded.status == memo.status)
            #expect(decoded.click?.utm == memo.click?.utm && decoded.returningCustomer == memo.returningCustomer && decoded.commission == memo.commission)
        }
    }

    @Test func aCutOrUnknownMemoIsCorruptionNotACrash() {
        let bytes = MemoCoding.encode(Self.memos[0])
        for length in [0, 1, 5, 30, bytes.count - 1] {
            #expect(throws: StoreError.self) { try MemoCoding.decode(Array(bytes.prefix(length))) }
        }
        var unknownStatus = bytes
        unknownStatus[2] = 200
        #expect(throws: StoreError.self) { try MemoCoding.decode(unknownStatus) }
        #expect(throws: StoreError.self) { try MemoCoding.decode([7] + bytes.dropFirst()) }
    }
}
