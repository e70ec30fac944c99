import Foundation

/// An opaque position in a list: base64url of a versioned position string. Clients pass `nextCursor` back as is.
public struct Cursor: Sendable, Equatable {
    public let position: String

    public init(position: String) { self.position = position }

    public var token: String {
        Data("v1:\(position)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a client's token; anything that is not one of ours is a `validation_failed` on `cursor`.
    public init(token: String) throws(DomainError) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 512, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("v1:"), text.count > 3
        else { throw DomainError.validation("cursor", "cursor is malformed; pass back nextCursor exactly as received") }
        position = String(text.dropFirst(3))
    }
}
