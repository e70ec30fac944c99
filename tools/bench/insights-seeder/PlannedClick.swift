import Foundation

/// One click to record: when, whose, and what the visitor looks like.
struct PlannedClick: Sendable {
    let at: Date
    let affiliate: Int
    let pageURL: String
    let referrer: String?
    let country: String?
    let agent: Int
    /// The checkout this click leads to, if any.
    let sale: ClickSale?
}

/// A Stripe checkout that carries the click's token, some time after the click.
struct ClickSale: Sendable {
    enum Kind: Sendable { case oneTime, subscription }
    let kind: Kind
    /// Unique across the run: names the payment, the subscription and the random stream of what follows.
    let number: Int
    let delay: TimeInterval
}

extension TrafficModel {
    /// The clicks of one day, in time order. `saleShares` are the chances that a click leads to a one-time checkout
    /// and to a subscription.
    func clicks(day: Int, start: Date, count: Int, saleShares: (oneTime: Double, subscription: Double)) -> [PlannedClick] {
        var random = SeededRandom(1, day)
        let clicks = (0..<count).map { index in
            let affiliate = affiliates.pick(using: &random)
            let habits = habits[affiliate]
            let at = start.addingTimeInterval(Double(hours.pick(using: &random) * 3600) + Double.random(in: 0..<3600, using: &random))
            var page = "https://\(BenchProgram.of(affiliate).domain)\(Self.pages[Int.random(in: 0..<Self.pages.count, using: &random)])?via=aff\(affiliate)"
            if random.chance(habits.utmShare) {
                let (source, medium) = Self.utmSources[random.chance(0.8) ? habits.source : Int.random(in: 0..<Self.utmSources.count, using: &random)]
                page += "&utm_source=\(source)&utm_medium=\(medium)&utm_campaign=\(Self.campaigns[habits.campaigns.randomElement(using: &random)!])"
            }
            let roll = Double.random(in: 0..<1, using: &random)
            let host: Int? = roll < 0.3 ? nil : roll < 0.75 ? habits.homeHost : roll < 0.87 ? habits.otherHost : hosts.pick(using: &random)
            let saleRoll = Double.random(in: 0..<1, using: &random)
            let kind: ClickSale.Kind? =
                saleRoll < saleShares.oneTime ? .oneTime : saleRoll < saleShares.oneTime + saleShares.subscription ? .subscription : nil
            return PlannedClick(
                at: at, affiliate: affiliate, pageURL: page, referrer: host.map { "https://\(Self.referrerHosts[$0])/p/\(affiliate)" },
                country: Self.countries[countries.pick(using: &random)].code, agent: agents.pick(using: &random),
                sale: kind.map { ClickSale(kind: $0, number: day * 1_000_000 + index, delay: Self.conversionDelay(using: &random)) })
        }
        return clicks.sorted { $0.at < $1.at }
    }

    /// From click to checkout: a third within the hour, most within the week, a tail up to the 30-day cookie.
    static func conversionDelay(using random: inout SeededRandom) -> TimeInterval {
        let roll = Double.random(in: 0..<1, using: &random)
        let hour = 3600.0
        let day = 86_400.0
        if roll < 0.35 { return Double.random(in: 60..<hour, using: &random) }
        if roll < 0.65 { return Double.random(in: hour..<day, using: &random) }
        if roll < 0.9 { return Double.random(in: day..<7 * day, using: &random) }
        return Double.random(in: 7 * day..<29 * day, using: &random)
    }
}
