import Contracts
import Foundation
import Kernel
import Synchronization

/// A conversion-side event of the seeded year: what the brand's backend and its Stripe account report, and the
/// brand's reviews.
struct MoneyEvent: Timed {
    enum Kind: Sendable {
        case lead(affiliate: Int, number: Int)
        case serverSale(affiliate: Int, number: Int)
        /// A Stripe checkout carrying a click's token: a one-time payment or a subscription's first invoice.
        case checkout(ClickSale, token: String)
        /// A Stripe payment with an affiliate's coupon code and no click.
        case couponSale(affiliate: Int, number: Int)
        case renewal(subscription: Int, cycle: Int, cents: Int64, customer: String)
        case refund(paymentKey: String, cents: Int64, full: Bool)
        case review(ConversionID, approve: Bool)
        case subscriptionEnd(subscription: Int)
    }

    let at: Date
    let kind: Kind
}

/// Money events by day: planned ones, and those that earlier events lead to (a checkout after a click, a renewal a
/// month after a subscription starts, a refund, a review). Events past the seeded year are dropped.
final class Schedule: Sendable {
    private let start: Date
    private let days: Int
    private let events = Mutex<[Int: [MoneyEvent]]>([:])

    init(start: Date, days: Int) {
        self.start = start
        self.days = days
    }

    func add(_ event: MoneyEvent) {
        let day = Int(event.at.timeIntervalSince(start) / 86_400)
        guard day < days else { return }
        events.withLock { $0[day, default: []].append(event) }
    }

    /// The day's events in time order, removed from the schedule.
    func take(day: Int) -> [MoneyEvent] {
        events.withLock { $0.removeValue(forKey: day) ?? [] }.sorted { $0.at < $1.at }
    }
}

/// Counts of what the run recorded, by name, shared by every task.
final class Tally: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func add(_ name: String, _ amount: Int = 1) { counts.withLock { $0[name, default: 0] += amount } }

    subscript(name: String) -> Int { counts.withLock { $0[name] ?? 0 } }

    var all: [String: Int] { counts.withLock { $0 } }
}
