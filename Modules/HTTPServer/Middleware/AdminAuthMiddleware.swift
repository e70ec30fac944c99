import Crypto
import HTTPSupport
import Hummingbird
import Kernel

/// Guards the operator's API with `Authorization: Bearer $VOUCH_ADMIN_TOKEN`, compared in constant time.
struct AdminAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    private let tokenDigest: [UInt8]

    init(token: String) { tokenDigest = Array(SHA256.hash(data: Array(token.utf8))) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let presented = request.headers.value(.authorization).flatMap { header -> String? in
            header.lowercased().hasPrefix("bearer ") ? String(header.dropFirst(7)) : nil
        }
        // Comparing digests keeps the time independent of where the strings differ and of their lengths.
        let digest = Array(SHA256.hash(data: Array((presented ?? "").utf8)))
        guard presented != nil, zip(digest, tokenDigest).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw DomainError(.unauthorized, "unauthorized", "Missing or invalid admin token")
        }
        return try await next(request, context)
    }
}
