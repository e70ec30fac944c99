import Affiliates
import HTTPSupport
import Hummingbird
import Kernel

/// Authenticates an affiliate's own requests with `Authorization: Bearer vaf_…`, a token the brand issued, and
/// rate-limits them per client address. Unknown, expired and revoked tokens get the same 401.
struct AffiliateAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let access: AffiliateAccessService
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let decision = limiter.consume("affiliate-ip:\(context.clientAddress)")
        var response: Response
        do {
            try decision.requireAllowed()
            guard let token = request.bearerToken, let affiliate = try access.authenticate(token) else {
                throw DomainError(.unauthorized, "unauthorized", "Missing or invalid affiliate access token")
            }
            context.affiliate = affiliate
            response = try await next(request, context)
        } catch {
            response = ErrorRendering.response(for: error, logger: context.logger)
        }
        decision.stamp(&response)
        return response
    }
}
