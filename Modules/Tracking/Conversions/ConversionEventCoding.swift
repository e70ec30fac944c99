import Foundation
import Kernel

/// The stored form of a timeline entry, version 2: written with every sale on the writer's thread, like the row
/// (`ConversionCoding`), where JSON (version 1, still read) took 6 µs.
///
///     version u8 · id 16 · conversion 16 · kind · amount · commission · occurred at
enum ConversionEventCoding {
    static let version: UInt8 = 2

    static func encode(_ entry: ConversionEvent) -> [UInt8] {
        var out = BinaryRecordWriter(capacity: 80)
        out.byte(version)
        out.id(entry.id)
        out.id(entry.conversionID)
        out.text(entry.kind.rawValue)
        out.money(entry.amount)
        out.money(entry.commission)
        out.date(entry.occurredAt)
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> ConversionEvent {
        try BinaryRecordReader.decode(bytes, record: "timeline entry", version: version) { reader in
            ConversionEvent(
                id: try reader.id(), conversionID: try reader.id(), kind: try reader.rawCase(of: ConversionEvent.Kind.self),
                amount: try reader.money(), commission: try reader.money(), occurredAt: try reader.date())
        }
    }
}
