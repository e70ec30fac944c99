public import Foundation
public import Kernel

public enum APIKeyTag {}
public typealias APIKeyID = TypedID<APIKeyTag>

/// What a key may do: `read` keys may only read; `read_write` keys may also change data.
public enum APIKeyScope: String, Sendable, Codable, CaseIterable {
    case read, readWrite = "read_write"

    public func satisfies(_ required: APIKeyScope) -> Bool { self == .readWrite || required == .read }
}

/// An API key of a tenant. Only the SHA-256 of the key is stored; `preview` is its non-secret beginning.
public struct APIKey: Sendable, Codable {
    public let id: APIKeyID
    public let tenant: TenantID
    public let name: String
    public let scope: APIKeyScope
    public let preview: String
    public let hash: [UInt8]
    public let createdAt: Date
    public var revokedAt: Date?

    public var json: JSONValue {
        .object([
            ("id", .string(id.description)),
            ("name", .string(name)),
            ("scope", .string(scope.rawValue)),
            ("preview", .string(preview)),
            ("createdAt", .timestamp(createdAt)),
            ("revokedAt", .timestamp(revokedAt)),
        ])
    }
}

/// A key that authenticated a request, with the organization it belongs to as of that request.
public struct Credential: Sendable {
    public let keyID: APIKeyID
    public let scope: APIKeyScope
    public let organization: Organization

    public var tenant: TenantID { organization.tenant }
}
