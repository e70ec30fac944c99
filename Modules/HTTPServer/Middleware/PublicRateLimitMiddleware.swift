import HTTPSupport
import Hummingbird
import Kernel

/// Rate-limits anonymous public routes per client address, with a stricter budget for writes (applications) than
/// for reads (landing pages).
struct PublicRateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let reads: RateLimiter
    let writes: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limiter = [.get, .head, .options].contains(request.method) ? reads : writes
        let decision = limiter.consume(context.clientAddress)
        var response: Response
        do {
            try decision.requireAllowed()
            response = try await next(request, context)
        } catch {
            response = ErrorRendering.response(for: error, logger: context.logger)
        }
        decision.stamp(&response)
        return response
    }
}
