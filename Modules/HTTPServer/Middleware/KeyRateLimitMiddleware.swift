import Billing
import Hummingbird
import Kernel

/// An extra per-key budget for expensive routes (the spec's import policy: 6 requests a minute per caller), on top
/// of the general API limit.
struct KeyRateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try limiter.consume("key:\(context.credential.keyID)").requireAllowed()
        return try await next(request, context)
    }
}
