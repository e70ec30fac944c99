import Contracts
import Foundation
import Kernel

/// A customer's earliest sale as the rollups keep it (`RollupKeys.customer`): its id and time, so that the customer's
/// next sale is told first or returning without reading that sale's memo. Stores from before kept the id alone.
struct FirstPurchase {
    let conversion: ConversionID
    /// `nil` for an id stored alone: the sale's memo has its time.
    let at: Date?

    init(_ conversion: ConversionID, at: Date) {
        self.conversion = conversion
        self.at = at
    }

    init(stored bytes: [UInt8]) throws {
        var reader = BinaryRecordReader(bytes, record: "first purchase")
        conversion = try reader.id()
        at = bytes.count > 16 ? try reader.date() : nil
    }

    var bytes: [UInt8] {
        var out = BinaryRecordWriter(capacity: 24)
        out.id(conversion)
        if let at { out.date(at) }
        return out.bytes
    }
}
