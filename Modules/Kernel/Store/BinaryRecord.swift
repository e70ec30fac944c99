public import Foundation

/// Builds the compact binary records of the hot paths (clicks, Insights' conversion memos), where a JSON coder cost
/// more than the rest of the write: integers big-endian, ids as their 16 bytes, texts as a u16 big-endian length
/// (0xFFFF for absent) and their UTF-8 bytes. Read back with `BinaryRecordReader`.
public struct BinaryRecordWriter {
    @usableFromInline var storage: [UInt8] = []
    /// The record written so far.
    public var bytes: [UInt8] { storage }
    /// Longer texts are cut at a character boundary, so a length always fits in a u16.
    public static let maxTextBytes = 2_048
    @usableFromInline static let absent: UInt16 = 0xFFFF

    /// `capacity` is the usual size, so that a record is written without growing its buffer.
    @inlinable
    public init(capacity: Int) { storage.reserveCapacity(capacity) }

    @inlinable
    public mutating func byte(_ value: UInt8) { storage.append(value) }

    @inlinable
    public mutating func integer(_ value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.bigEndian) { storage.append(contentsOf: $0) }
    }

    /// One of a type's cases, as its index.
    @inlinable
    public mutating func choice<T: CaseIterable & Equatable>(_ value: T) where T.AllCases.Index == Int {
        byte(UInt8(T.allCases.firstIndex(of: value)!))
    }

    /// A date exactly, as the bits of its seconds since 1970.
    @inlinable
    public mutating func date(_ value: Date) { integer(value.timeIntervalSince1970.bitPattern) }

    @inlinable
    public mutating func id<Tag>(_ value: TypedID<Tag>) {
        withUnsafeBytes(of: value.uuid.uuid) { storage.append(contentsOf: $0) }
    }

    /// Minor units (i64) and the currency's code.
    @inlinable
    public mutating func money(_ value: Money) {
        integer(value.minorUnits)
        text(value.currency.rawValue)
    }

    @inlinable
    public mutating func text(_ value: String?) {
        guard var value else { return integer(Self.absent) }
        value.withUTF8 { utf8 in
            var count = utf8.count
            if count > Self.maxTextBytes {
                // Cut before a continuation byte never splits a character.
                count = Self.maxTextBytes
                while utf8[count] & 0xC0 == 0x80 { count -= 1 }
            }
            integer(UInt16(count))
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<count]))
        }
    }
}

/// Reads a record written by `BinaryRecordWriter` front to back; running out of bytes is corruption, never a crash.
public struct BinaryRecordReader {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let record: String
    @usableFromInline var offset = 0

    /// A record of a type stored in a binary form of `version` since it replaced JSON (`RecordCoding.jsonVersion`,
    /// still read): `binary` reads what follows the version byte.
    @inlinable
    public static func decode<T: Decodable>(
        _ bytes: [UInt8], record: String, version: UInt8, _ binary: (inout BinaryRecordReader) throws -> T
    ) throws -> T {
        if bytes.first == RecordCoding.jsonVersion { return try RecordCoding.decode(T.self, from: bytes) }
        var reader = BinaryRecordReader(bytes, record: record)
        guard try reader.byte() == version else { throw StoreError(.corrupted, message: "\(record) record of an unknown version") }
        return try binary(&reader)
    }

    /// `record` names what is read, for the error when it is cut short.
    @inlinable
    public init(_ bytes: [UInt8], record: String) {
        self.bytes = bytes
        self.record = record
    }

    @inlinable
    public mutating func byte() throws(StoreError) -> UInt8 { try self.bytes(1).first! }

    @inlinable
    public mutating func bytes(_ count: Int) throws(StoreError) -> ArraySlice<UInt8> {
        guard offset + count <= bytes.count else { throw StoreError(.corrupted, message: "\(record) record too short") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    @inlinable
    public mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(StoreError) -> T {
        try bytes(MemoryLayout<T>.size).reduce(T.zero) { $0 << 8 | T(truncatingIfNeeded: $1) }
    }

    @inlinable
    public mutating func date() throws(StoreError) -> Date {
        Date(timeIntervalSince1970: Double(bitPattern: try integer(UInt64.self)))
    }

    @inlinable
    public mutating func id<Tag>(_: TypedID<Tag>.Type = TypedID<Tag>.self) throws(StoreError) -> TypedID<Tag> {
        guard let id = TypedID<Tag>(bytes: try bytes(16)) else { throw StoreError(.corrupted, message: "\(record) record with a malformed id") }
        return id
    }

    @inlinable
    public mutating func text() throws(StoreError) -> String? {
        let length = try integer(UInt16.self)
        guard length != BinaryRecordWriter.absent else { return nil }
        return String(decoding: try bytes(Int(length)), as: UTF8.self)
    }

    @inlinable
    public mutating func money() throws(StoreError) -> Money {
        let minorUnits = try integer(Int64.self)
        guard let currency = try text().flatMap(Currency.init(rawValue:)) else {
            throw StoreError(.corrupted, message: "\(record) record with an unknown currency")
        }
        return Money(minorUnits: minorUnits, currency: currency)
    }

    /// One of a type's cases, stored as its raw value (`text`): adding a case never moves another.
    @inlinable
    public mutating func rawCase<T: RawRepresentable<String>>(of _: T.Type) throws(StoreError) -> T {
        guard let value = try text().flatMap(T.init(rawValue:)) else { throw StoreError(.corrupted, message: "\(record) record with an unknown \(T.self)") }
        return value
    }

    /// One of a type's cases, stored as its index.
    @inlinable
    public mutating func choice<T: CaseIterable>(of _: T.Type) throws(StoreError) -> T where T.AllCases: RandomAccessCollection, T.AllCases.Index == Int {
        let index = Int(try byte())
        guard index < T.allCases.count else { throw StoreError(.corrupted, message: "\(record) record with an unknown \(T.self)") }
        return T.allCases[index]
    }
}
