import Foundation
import Kernel
import Synchronization

/// Token buckets keyed by caller: each holds up to `limit` requests and refills at `limit` per `window`, so a caller
/// may burst to the limit and then sustain the average. Kept in memory: limits are per node.
final class RateLimiter: Sendable {
    struct Decision: Sendable {
        let allowed: Bool
        let limit: Int
        let remaining: Int
        /// Whole seconds until one more request is allowed (0 when allowed).
        let retryAfter: Int
    }

    private struct Bucket { var tokens: Double; var updated: Date }

    let limit: Int
    private let window: TimeInterval
    private let clock: any WallClock
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Past this many callers, buckets that have refilled completely are dropped: they hold no information.
    private let pruneThreshold = 100_000

    init(limit: Int, window: TimeInterval, clock: any WallClock) {
        self.limit = limit
        self.window = window
        self.clock = clock
    }

    func consume(_ caller: String) -> Decision {
        let now = clock.now()
        let rate = Double(limit) / window
        return buckets.withLock { buckets in
            if buckets.count > pruneThreshold { prune(&buckets, now: now, rate: rate) }
            var bucket = buckets[caller] ?? Bucket(tokens: Double(limit), updated: now)
            // A wall clock set back (NTP, an operator) must not drain buckets below what was left.
            bucket.tokens = min(Double(limit), bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * rate)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[caller] = bucket
            let retryAfter = allowed ? 0 : Int(((1 - bucket.tokens) / rate).rounded(.up))
            return Decision(allowed: allowed, limit: limit, remaining: Int(bucket.tokens), retryAfter: max(retryAfter, allowed ? 0 : 1))
        }
    }

    private func prune(_ buckets: inout [String: Bucket], now: Date, rate: Double) {
        buckets = buckets.filter { _, bucket in bucket.tokens + now.timeIntervalSince(bucket.updated) * rate < Double(limit) }
    }
}
