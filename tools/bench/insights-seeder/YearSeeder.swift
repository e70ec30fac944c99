import Foundation
import Kernel

/// Loads a year of one tenant's activity day by day: each day's clicks in time order on `tasks` concurrent tasks,
/// then the day's money events (planned leads and sales, plus whatever earlier events scheduled for that day).
/// Clicks go first so that a checkout minutes after its click finds it, and so that the fsynced money writes are
/// not interleaved with every click batch.
struct YearSeeder {
    struct Volume {
        var clicks: Int
        var leads: Int
        /// Sale rows: S2S sales, Stripe checkouts after a click, coupon sales, subscriptions with their renewals.
        var conversions: Int
        var affiliates: Int
    }

    let recorder: Recorder
    let model: TrafficModel
    let volume: Volume
    let tasks: Int
    /// The first of the seeded days, a midnight UTC.
    let start: Date
    let days: Int

    /// How the conversions divide: the shares not listed are the renewals the subscriptions bring.
    static let serverSaleShare = 0.40
    static let checkoutShare = 0.35
    static let couponShare = 0.05
    static let subscriptionShare = 0.04

    /// Returns the seconds spent in the click phases.
    func run(log: (String) -> Void) async throws -> Double {
        let weights = TrafficModel.dayWeights(firstDay: Int(start.timeIntervalSince1970 / 86_400), count: days)
        let clicksPerDay = TrafficModel.split(volume.clicks, by: weights)
        let leadsPerDay = TrafficModel.split(volume.leads, by: weights)
        let serverSalesPerDay = TrafficModel.split(Int(Double(volume.conversions) * Self.serverSaleShare), by: weights)
        let couponSalesPerDay = TrafficModel.split(Int(Double(volume.conversions) * Self.couponShare), by: weights)
        let saleShares = (
            oneTime: Double(volume.conversions) * Self.checkoutShare / Double(max(1, volume.clicks)),
            subscription: Double(volume.conversions) * Self.subscriptionShare / Double(max(1, volume.clicks))
        )
        let began = Date()
        var clicks = 0
        var clickSeconds = 0.0
        for day in 0..<days {
            let dayStart = start + Double(day) * Recorder.day
            let clickStarted = Date()
            try await replayConcurrently(model.clicks(day: day, start: dayStart, count: clicksPerDay[day], saleShares: saleShares), tasks: tasks) {
                try await recorder.record($0)
            }
            clickSeconds += Date().timeIntervalSince(clickStarted)
            clicks += clicksPerDay[day]
            for event in plannedMoney(day: day, start: dayStart, leads: leadsPerDay[day], serverSales: serverSalesPerDay[day], couponSales: couponSalesPerDay[day]) {
                recorder.schedule.add(event)
            }
            try await replayConcurrently(recorder.schedule.take(day: day), tasks: tasks) { try await recorder.record($0) }
            if day % 10 == 9 || day == days - 1 {
                let elapsed = Date().timeIntervalSince(began)
                log(
                    "day \(day + 1)/\(days): \(clicks) clicks in \(Int(elapsed)) s, \(Int(Double(clicks) / clickSeconds)) clicks/s in the click phases, "
                        + "\(recorder.tally["leads"]) leads, \(sales) sales")
            }
        }
        return clickSeconds
    }

    private var sales: Int { ["server sales", "checkouts", "coupon sales", "subscriptions started", "renewals"].reduce(0) { $0 + recorder.tally[$1] } }

    /// The day's leads, S2S sales and coupon sales, at hours that follow the traffic, for affiliates in proportion to
    /// their traffic (coupon sales among the affiliates that have a coupon).
    private func plannedMoney(day: Int, start dayStart: Date, leads: Int, serverSales: Int, couponSales: Int) -> [MoneyEvent] {
        var random = SeededRandom(6, day)
        let coupons = WeightedChoice.zipf(recorder.bench.coupons, exponent: 0.8)
        func at() -> Date { dayStart + Double(model.hours.pick(using: &random) * 3600) + Double.random(in: 0..<3600, using: &random) }
        let number = day * 1_000_000
        return (0..<leads).map { MoneyEvent(at: at(), kind: .lead(affiliate: model.affiliates.pick(using: &random), number: number + $0)) }
            + (0..<serverSales).map { MoneyEvent(at: at(), kind: .serverSale(affiliate: model.affiliates.pick(using: &random), number: number + $0)) }
            + (0..<couponSales).map { MoneyEvent(at: at(), kind: .couponSale(affiliate: coupons.pick(using: &random), number: number + $0)) }
    }
}
