import Foundation

/// What the seeded traffic looks like: which affiliates get it (a few take much of it), from which countries,
/// devices and sites, with which campaigns, and how it rises and falls over the year and the hours of the day.
struct TrafficModel: Sendable {
    /// ISO country codes with their share of clicks; `nil` is a click whose country could not be told.
    static let countries: [(code: String?, weight: Double)] = [
        ("US", 30), ("GB", 8), ("DE", 7), ("IN", 6), ("FR", 5), ("CA", 5), ("BR", 4), ("AU", 3), ("ES", 3), ("IT", 3), (nil, 3),
        ("NL", 2.5), ("MX", 2), ("JP", 2), ("PL", 1.5), ("SE", 1.2), ("CH", 1), ("BE", 1), ("ID", 0.9), ("AT", 0.8), ("PT", 0.8),
        ("TR", 0.8), ("KR", 0.8), ("IE", 0.7), ("AR", 0.7), ("PH", 0.7), ("DK", 0.6), ("NO", 0.6), ("SG", 0.6), ("ZA", 0.6),
        ("FI", 0.5), ("NZ", 0.5), ("CO", 0.5), ("NG", 0.5), ("RO", 0.5), ("CZ", 0.5), ("CL", 0.4), ("EG", 0.4), ("GR", 0.4),
        ("IL", 0.4), ("HU", 0.3),
    ]

    /// Desktop, mobile, tablet and crawler user agents with their share of clicks.
    static let userAgents: [(agent: String, weight: Double)] = [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36", 33),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", 12),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", 5),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", 26),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36", 18),
        ("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", 4),
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 2),
    ]

    /// UTM sources, each with the medium it comes with.
    static let utmSources: [(source: String, medium: String)] = [
        ("newsletter", "email"), ("youtube", "video"), ("instagram", "social"), ("facebook", "social"), ("tiktok", "social"),
        ("twitter", "social"), ("google", "cpc"), ("reddit", "referral"), ("podcast", "audio"), ("blog", "referral"),
    ]

    static let campaigns: [String] = ["spring-sale", "summer-launch", "back-to-school", "black-friday", "cyber-monday", "holiday", "new-year",
        "review", "tutorial", "comparison", "giveaway", "webinar"].flatMap { theme in ["", "-2", "-eu", "-us", "-vip"].map { theme + $0 } }

    static let pages = ["/", "/pricing", "/features", "/blog/getting-started", "/product/pro", "/product/starter", "/signup"]

    /// 200 referring sites: the big platforms first, then a long tail of blogs and deal sites.
    static let referrerHosts: [String] = {
        let platforms = ["google.com", "youtube.com", "facebook.com", "instagram.com", "t.co", "reddit.com", "linkedin.com", "pinterest.com",
            "tiktok.com", "bing.com", "duckduckgo.com", "news.ycombinator.com", "medium.com", "substack.com", "twitch.tv", "x.com", "quora.com",
            "producthunt.com", "github.com", "wordpress.com"]
        let niches = ["reviews", "deals", "tech", "fitness", "travel", "style", "family", "gaming", "finance"]
        return platforms + (0..<180).map { "\(niches[$0 % niches.count])-\($0).example.com" }
    }()

    /// One affiliate's habits: where their visitors come from and how they tag links.
    struct Habits: Sendable {
        let homeHost: Int
        let otherHost: Int
        /// The share of their clicks that carry UTM tags.
        let utmShare: Double
        let source: Int
        let campaigns: [Int]
    }

    let affiliates: WeightedChoice
    let hosts = WeightedChoice.zipf(TrafficModel.referrerHosts.count, exponent: 1.1)
    let countries = WeightedChoice(TrafficModel.countries.map(\.weight))
    let agents = WeightedChoice(TrafficModel.userAgents.map(\.weight))
    let hours = WeightedChoice((0..<24).map { 1 + 0.65 * cos(2 * Double.pi * Double($0 - 15) / 24) })
    let habits: [Habits]

    init(affiliates count: Int) {
        affiliates = .zipf(count, exponent: 0.8)
        var random = SeededRandom(seed: 7)
        let hosts = hosts
        habits = (0..<count).map { _ in
            Habits(
                homeHost: hosts.pick(using: &random), otherHost: hosts.pick(using: &random),
                utmShare: [0, 0.3, 0.8][Int.random(in: 0..<3, using: &random)], source: Int.random(in: 0..<Self.utmSources.count, using: &random),
                campaigns: (0..<3).map { _ in Int.random(in: 0..<Self.campaigns.count, using: &random) })
        }
    }

    /// Each day's share of a year's traffic: growing over the year, quieter at weekends, noisy, with a few promotion
    /// spikes. `firstDay` is a day number since 1970-01-01 (a Thursday).
    static func dayWeights(firstDay: Int, count: Int) -> [Double] {
        var random = SeededRandom(seed: 11)
        let spikes = Set((0..<6).map { _ in Int.random(in: 0..<count, using: &random) })
        return (0..<count).map { index in
            let weekday = (firstDay + index + 3) % 7  // 0 is Monday
            let growth = 0.7 + 0.6 * Double(index) / Double(max(1, count - 1))
            let weekend = weekday >= 5 ? 0.8 : 1
            let spike = spikes.contains(index) ? 1.8 : 1
            return growth * weekend * spike * Double.random(in: 0.85...1.15, using: &random)
        }
    }

    /// Splits `total` into whole counts in proportion to `weights`, summing exactly to `total`.
    static func split(_ total: Int, by weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        var running = 0.0
        var previous = 0
        return weights.map { weight in
            running += weight
            let upTo = Int((Double(total) * running / sum).rounded())
            defer { previous = upTo }
            return upTo - previous
        }
    }
}
