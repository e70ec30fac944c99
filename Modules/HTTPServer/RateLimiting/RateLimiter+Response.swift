import HTTPTypes
import Hummingbird
import Kernel

extension RateLimiter.Decision {
    /// 429 `rate_limited` with `Retry-After` when the caller is over its budget.
    func requireAllowed() throws(DomainError) {
        guard allowed else {
            throw DomainError(.tooManyRequests(retryAfterSeconds: retryAfter), "rate_limited", "Too many requests; retry after \(retryAfter) seconds")
        }
    }

    /// `X-RateLimit-Limit` and `X-RateLimit-Remaining` on an answer, error or not.
    func stamp(_ response: inout Response) {
        response.headers[.rateLimitLimit] = String(limit)
        response.headers[.rateLimitRemaining] = String(remaining)
    }
}
