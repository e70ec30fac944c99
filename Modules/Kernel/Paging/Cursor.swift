import Foundation

/// An opaque position in a list: base64url of a versioned position string. Clients pass `nextCursor` back as is.
public struct Cursor: Sendable, Equatable {
    public let position: String

    public init(position: String) { self.position = position }

    public var token: String {
        Base64URL.encode("v1:\(position)".utf8)
    }

    /// Reads a client's token; anything that is not one of ours is a `validation_failed` on `cursor`.
    public init(token: String) throws(DomainError) {
        guard token.count <= 512, let bytes = Base64URL.decode(token), let text = String(bytes: bytes, encoding: .utf8),
            text.hasPrefix("v1:"), text.count > 3
        else { throw DomainError.validation("cursor", "cursor is malformed; pass back nextCursor exactly as received") }
        position = String(text.dropFirst(3))
    }
}
