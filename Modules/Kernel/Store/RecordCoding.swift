import Foundation

/// Low-volume records are stored as a one-byte format version followed by JSON, so a format can evolve while old
/// records stay readable.
public enum RecordCoding {
    /// The version byte of JSON records, which a record type may later replace with a binary form
    /// (`BinaryRecordReader.decode`).
    public static let jsonVersion: UInt8 = 1

    public static func encode<T: Encodable>(_ value: T, version: UInt8 = jsonVersion) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        // Sorted keys make equal records equal bytes: change detection and the decode cache rely on it.
        encoder.outputFormatting = .sortedKeys
        return [version] + Array(try encoder.encode(value))
    }

    public static func decode<T: Decodable>(_: T.Type, from bytes: [UInt8]) throws -> T {
        guard let version = bytes.first, version >= 1 else {
            throw StoreError(.corrupted, message: "record of \(T.self) has no format version")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(T.self, from: Data(bytes.dropFirst()))
    }
}
