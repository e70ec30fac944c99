import HTTPSupport
public import Hummingbird
import Kernel

/// Public tracking endpoints are called from brands' pages on other origins: every answer, errors included, lets
/// the calling origin read it. Requests carry no credentials, so echoing the origin grants nothing: the click and
/// verify handlers still check it against the program's domain.
public struct TrackingCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorRendering.response(for: error, logger: context.logger)
        }
        response.headers[.accessControlAllowOrigin] = request.headers.value(.origin) ?? "*"
        response.headers[.vary] = "Origin"
        return response
    }
}

extension RouterGroup {
    /// Answers the browser's CORS preflight for `path`.
    public func preflight(_ path: RouterPath) {
        on(path, method: .options) { _, _ in
            Response(
                status: .noContent,
                headers: [.accessControlAllowMethods: "POST, GET, OPTIONS", .accessControlAllowHeaders: "Content-Type", .accessControlMaxAge: "86400"])
        }
    }
}
