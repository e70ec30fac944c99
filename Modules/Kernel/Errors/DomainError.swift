/// An expected failure, told to the client as the spec's envelope `{ "error", "message", "field" }`.
///
/// Domain code knows nothing of HTTP: it names the `Kind` of failure and the HTTP edge maps it to a status. `extra`
/// carries the additional members some errors have (the plan gate's `required`, `current`, `trialing`).
public struct DomainError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case badRequest, unauthorized, paymentRequired, forbidden, notFound, conflict, payloadTooLarge
        case tooManyRequests(retryAfterSeconds: Int)
        case unavailable, internalError
    }

    public let kind: Kind
    public let code: String
    public let message: String
    public let field: String?
    public let extra: [(String, JSONValue)]

    public init(_ kind: Kind, _ code: String, _ message: String, field: String? = nil, extra: [(String, JSONValue)] = []) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
        self.extra = extra
    }

    public var description: String { "\(code): \(message)" + (field.map { " (\($0))" } ?? "") }

    /// The envelope body.
    public var envelope: JSONValue {
        .object([("error", .string(code)), ("message", .string(message)), ("field", field.map(JSONValue.string) ?? .null)] + extra)
    }
}

extension DomainError {
    public static func validation(_ field: String, _ message: String) -> DomainError {
        DomainError(.badRequest, "validation_failed", message, field: field)
    }

    public static func notFound(_ what: String) -> DomainError {
        DomainError(.notFound, "not_found", "\(what) not found")
    }

    public static func conflict(_ code: String, _ message: String, field: String? = nil) -> DomainError {
        DomainError(.conflict, code, message, field: field)
    }
}
