public import Foundation

/// A UUID tagged with the kind of thing it identifies, so a program id cannot be passed where an API key id is
/// expected. Rendered as a lowercase UUID string.
public struct TypedID<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let uuid: UUID

    public init(uuid: UUID) { self.uuid = uuid }

    /// Parses a client-supplied id; `nil` when it is not a UUID.
    public init?(_ string: some StringProtocol) {
        guard string.utf8.count == 36, let uuid = UUID(uuidString: String(string)) else { return nil }
        self.uuid = uuid
    }

    public var description: String { uuid.uuidString.lowercased() }

    /// UUIDv7 ids sort by creation time when their bytes are compared.
    public static func < (lhs: TypedID, rhs: TypedID) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    public var bytes: [UInt8] {
        withUnsafeBytes(of: uuid.uuid) { Array($0) }
    }

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
