import Foundation
@testable import HTTPServer
import Kernel
import Testing

@Suite struct RateLimiterTests {
    @Test func bucketsBurstToTheLimitThenRefillOverTheWindow() {
        let clock = ManualClock(Date(timeIntervalSince1970: 0))
        let limiter = RateLimiter(limit: 60, window: 60, clock: clock)
        let burst = (0..<60).map { _ in limiter.consume("a") }
        #expect(burst.allSatisfy { $0.allowed })
        #expect(burst.last?.remaining == 0)
        let refused = limiter.consume("a")
        #expect(!refused.allowed && refused.retryAfter == 1)
        #expect(limiter.consume("b").allowed)
        clock.advance(by: 2)
        #expect(limiter.consume("a").allowed)
        #expect(limiter.consume("a").allowed)
        #expect(!limiter.consume("a").allowed)
        clock.advance(by: 3_600)
        #expect(limiter.consume("a").remaining == 59)
    }

    @Test func aClockSetBackNeitherDrainsNorRefillsBuckets() {
        let clock = ManualClock(Date(timeIntervalSince1970: 10_000))
        let limiter = RateLimiter(limit: 10, window: 60, clock: clock)
        for _ in 0..<5 { _ = limiter.consume("a") }
        clock.advance(by: -3_600)
        let after = limiter.consume("a")
        #expect(after.allowed && after.remaining == 4)
        clock.advance(by: 6)
        #expect(limiter.consume("a").remaining == 4)
    }
}
