import Billing
import Foundation
import HTTPSupport
import HTTPTypes
import Hummingbird
import Kernel
import Logging

/// Authenticates API requests with `Authorization: Bearer rk_live_…` (or `X-Rekomi-Api-Key: rk_live_…`, which the
/// spec offers server-to-server callers), checks the key's scope against the one the
/// method needs (GET/HEAD/OPTIONS read, anything else read_write), and rate-limits per key.
///
/// Every answer, error or not, carries `X-RateLimit-Limit` and `X-RateLimit-Remaining`. Requests without a valid key
/// are limited per client address instead, which also slows down guessing. Unknown, malformed and revoked keys all
/// get the same 401.
struct APIAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let credentials: CredentialStore
    let keyLimiter: RateLimiter
    let anonymousLimiter: RateLimiter
    /// How failures are answered: the common error envelope, unless an API family has its own.
    var renderError: @Sendable (any Error, Logger) -> Response = { ErrorRendering.response(for: $0, logger: $1) }
    static let apiKeyHeader = HTTPField.Name("X-Rekomi-Api-Key")!

    /// The same authentication and budgets, answering failures with `render`.
    func renderingErrors(with render: @escaping @Sendable (any Error, Logger) -> Response) -> Self {
        var middleware = self
        middleware.renderError = render
        return middleware
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let credential = try (request.bearerToken ?? request.headers.value(Self.apiKeyHeader)).flatMap { try credentials.authenticate($0) }
        let decision =
            credential.map { keyLimiter.consume("key:\($0.keyID)") } ?? anonymousLimiter.consume("ip:\(context.clientAddress)")
        var response: Response
        do {
            try decision.requireAllowed()
            guard let credential else { throw DomainError(.unauthorized, "unauthorized", "Missing or invalid API key") }
            let required: APIKeyScope = [.get, .head, .options].contains(request.method) ? .read : .readWrite
            guard credential.scope.satisfies(required) else {
                throw DomainError(.forbidden, "insufficient_scope", "This endpoint needs an API key with the \(required.rawValue) scope")
            }
            context.credential = credential
            response = try await next(request, context)
        } catch {
            response = renderError(error, context.logger)
        }
        decision.stamp(&response)
        return response
    }
}
