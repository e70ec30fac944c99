public import Hummingbird
public import Kernel

extension Request {
    /// The largest JSON body an ordinary endpoint accepts.
    public static let defaultBodyLimit = 1 << 20

    /// Reads the body as JSON: 413 `payload_too_large` past `limit`, 400 `validation_failed` when it is not JSON.
    public func json(limit: Int = Request.defaultBodyLimit) async throws -> JSONValue {
        try Self.parseJSON(try await bytes(limit: limit))
    }

    /// The raw body, for endpoints that check a signature over the exact bytes: 413 `payload_too_large` past `limit`.
    public func bytes(limit: Int = Request.defaultBodyLimit) async throws -> [UInt8] {
        do {
            return Array(try await body.collect(upTo: limit).readableBytesView)
        } catch {
            throw DomainError(.payloadTooLarge, "payload_too_large", "Request body is larger than \(limit) bytes")
        }
    }

    /// A body read with `bytes(limit:)` as JSON: 400 `validation_failed` when it is empty or not JSON.
    public static func parseJSON(_ bytes: [UInt8]) throws -> JSONValue {
        guard !bytes.isEmpty else { throw DomainError(.badRequest, "validation_failed", "Request body must be a JSON object") }
        return try JSONValue.parse(bytes)
    }

    /// The body as an object reader.
    ///
    /// Await it in a statement of its own: passing `try await request.fields()` as an argument to another async call
    /// crashes the Swift 6.3.1 optimizer in release builds (signal 11 while splitting the handler's coroutine).
    public func fields(limit: Int = Request.defaultBodyLimit) async throws -> FieldReader {
        try FieldReader(try await json(limit: limit))
    }

    /// A query parameter, `nil` when absent.
    public func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }

    /// `take` and `cursor` of a list request.
    public func pageRequest() throws(DomainError) -> PageRequest {
        try PageRequest(take: query("take"), cursor: query("cursor"))
    }
}

extension RequestContext {
    /// A path parameter that must be an id; anything else cannot name an existing record, so it is a 404.
    public func id<Tag>(_ name: String, of _: Tag.Type, what: String) throws -> TypedID<Tag> {
        guard let raw = parameters.get(name), let id = TypedID<Tag>(raw) else { throw DomainError.notFound(what) }
        return id
    }
}
