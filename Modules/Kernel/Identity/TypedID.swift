public import Foundation

/// A UUID tagged with the kind of thing it identifies, so a program id cannot be passed where an API key id is
/// expected. Rendered as a lowercase UUID string.
public struct TypedID<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let uuid: UUID

    public init(uuid: UUID) { self.uuid = uuid }

    /// Below and above every id: the bounds of a range of ids.
    public static var lowest: TypedID { TypedID(uuid: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) }
    public static var highest: TypedID {
        TypedID(uuid: UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
    }

    /// Parses a client-supplied id; `nil` when it is not a UUID.
    public init?(_ string: some StringProtocol) {
        // The canonical form is read by hand: ids are parsed on hot paths, and `UUID(uuidString:)` goes through
        // sscanf. Anything else keeps Foundation's more lenient reading.
        guard string.utf8.count == 36 else { return nil }
        var text = String(string)
        guard let uuid = text.withUTF8(Self.canonical) ?? UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// Lowercase `8-4-4-4-12` hex.
    public var description: String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var count = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[count] = UInt8(ascii: "-")
                        count += 1
                    }
                    out[count] = Self.hexDigit(byte >> 4)
                    out[count + 1] = Self.hexDigit(byte & 0xF)
                    count += 2
                }
                return count
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }

    /// UUIDv7 ids sort by creation time when their bytes are compared.
    public static func < (lhs: TypedID, rhs: TypedID) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    public var bytes: [UInt8] {
        withUnsafeBytes(of: uuid.uuid) { Array($0) }
    }

    /// The UUID of `8-4-4-4-12` hex digits (either case); `nil` for anything else.
    private static func canonical(_ utf8: UnsafeBufferPointer<UInt8>) -> UUID? {
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var high: UInt8?
        for (index, character) in utf8.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                withUnsafeMutableBytes(of: &raw) { $0[count] = first << 4 | value }
                count += 1
                high = nil
            } else {
                high = value
            }
        }
        return UUID(uuid: raw)
    }

    /// Inlinable so callers get it specialized: generic across the module boundary it cost thousands of instructions.
    @inlinable
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes) }
        self.uuid = UUID(uuid: raw)
    }
}

extension TypedID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let id = TypedID(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UUID: \(string)")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension TypedID {
    /// An optional id from a query parameter: 400 `validation_failed` naming `field` when it is not a UUID.
    public static func parse(_ raw: String?, field: String) throws(DomainError) -> TypedID? {
        guard let raw else { return nil }
        guard let id = TypedID(raw) else { throw DomainError.validation(field, "\(field) must be an id (UUID)") }
        return id
    }
}
