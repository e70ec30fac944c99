public import Hummingbird
public import Kernel
public import Logging

/// Turns any error into the spec's envelope `{ "error", "message", "field" }` with the right status. Expected
/// failures are `DomainError`s; the router's own 404/405 become envelopes too; anything else is a 500 that says
/// nothing of its cause (which is logged).
public enum ErrorRendering {
    public static func response(for error: any Error, logger: Logger) -> Response {
        let domain = domainError(for: error, logger: logger)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if case .tooManyRequests(let seconds) = domain.kind { headers[.retryAfter] = String(seconds) }
        return Response(
            status: status(of: domain.kind), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: domain.envelope.serialized())))
    }

    /// Any error as the `DomainError` it is answered as.
    public static func domainError(for error: any Error, logger: Logger) -> DomainError {
        switch error {
        case let domain as DomainError:
            return domain
        case let http as HTTPError:
            switch http.status {
            case .notFound: return DomainError(.notFound, "not_found", "No such endpoint")
            case .methodNotAllowed: return DomainError(.badRequest, "method_not_allowed", "Method not allowed on this endpoint")
            case .contentTooLarge: return DomainError(.payloadTooLarge, "payload_too_large", "Request body is too large")
            default:
                logger.error("unmapped HTTP error", metadata: ["error": "\(http)"])
                return DomainError(.badRequest, "bad_request", http.body ?? "Bad request")
            }
        case let store as StoreError:
            logger.error("storage failure", metadata: ["error": "\(store)"])
            return DomainError(.unavailable, "storage_unavailable", "Storage is temporarily unavailable; retry later")
        default:
            logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return DomainError(.internalError, "internal_error", "Something went wrong on our side")
        }
    }

    static func status(of kind: DomainError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .paymentRequired: HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required")
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }
}
