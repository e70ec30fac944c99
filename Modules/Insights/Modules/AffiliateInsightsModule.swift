import Contracts
import Kernel

/// An affiliate's own modules, `GET /api/me/insights/{module}`: their counts and commission, with hosts, countries,
/// devices, links, campaigns and time buckets; never revenue or customer identity.
enum AffiliateInsightsModule: String, CaseIterable {
    case overview
    case saleOrigin = "sale-origin"
    case geography, devices, links
    case timePatterns = "time-patterns"
    case utm, channels

    func report(_ query: InsightsQuery, in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        switch self {
        case .overview: try query.affiliateOverview(in: store)
        case .saleOrigin: try query.saleOrigin(in: store)
        case .geography: try query.geography(in: store)
        case .devices: try query.devices(in: store)
        case .links: try query.links(in: store)
        case .timePatterns: try query.timePatterns(in: store)
        case .utm: try query.utm(in: store)
        case .channels: try query.channels(in: store)
        }
    }
}

extension InsightsQuery {
    func affiliateOverview(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        let clicks = totals.count(.clicks)
        let commission = money.cents(totals, .commission)
        return single([
            ("clicks", .int(clicks)),
            ("leads", .int(totals.count(.leads))),
            ("conversions", .int(totals.count(.conversions))),
            ("conversionRate", .double(Ratio.percent(totals.count(.conversions), of: clicks))),
            ("commissionCents", .int(commission)),
            ("epcCents", .int(Ratio.perUnit(commission, per: clicks))),
        ])
    }

    /// Clicks, conversions and commission per link, by slug.
    func links(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        guard case .affiliate(let affiliate, _) = scope else { return list("links", [], header: ["slug", "clicks", "conversions", "commissionCents"]) }
        let slugs = try affiliates.affiliateSummary(tenant, affiliate)?.linkSlugs ?? [:]
        var sums: [String: CounterSet] = [:]
        for (profile, counts) in try reader.profiles(affiliate, window, in: store) {
            guard let link = profile.link else { continue }
            sums[slugs[link] ?? link.description, default: CounterSet()].add(counts)
        }
        let rows = sums.map { (slug: $0.key, clicks: $0.value.count(.clicks), conversions: $0.value.count(.conversions), commission: money.cents($0.value, .commission)) }
            .sorted { ($0.clicks, $0.conversions, $1.slug) > ($1.clicks, $1.conversions, $0.slug) }
        return list(
            "links",
            rows.map { [("slug", .string($0.slug)), ("clicks", .int($0.clicks)), ("conversions", .int($0.conversions)), ("commissionCents", .int($0.commission))] },
            header: ["slug", "clicks", "conversions", "commissionCents"])
    }

    /// Traffic by channel: each `utm_source` / `utm_medium` pair, `(none)` where a parameter is missing.
    func channels(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        guard case .affiliate(let affiliate, _) = scope else { return list("channels", [], header: ["source", "medium", "clicks", "conversions", "commissionCents"]) }
        var sums: [[String]: CounterSet] = [:]
        for (profile, counts) in try reader.profiles(affiliate, window, in: store) where !profile.isUnknown {
            sums[[profile.utm.source ?? "(none)", profile.utm.medium ?? "(none)"], default: CounterSet()].add(counts)
        }
        let rows = sums.map { (channel: $0.key, clicks: $0.value.count(.clicks), conversions: $0.value.count(.conversions), commission: money.cents($0.value, .commission)) }
            .sorted { ($0.clicks, $0.conversions) != ($1.clicks, $1.conversions) ? ($0.clicks, $0.conversions) > ($1.clicks, $1.conversions) : $0.channel.lexicographicallyPrecedes($1.channel) }
        return list(
            "channels",
            rows.map {
                [("source", .string($0.channel[0])), ("medium", .string($0.channel[1])), ("clicks", .int($0.clicks)), ("conversions", .int($0.conversions)),
                 ("commissionCents", .int($0.commission))]
            },
            header: ["source", "medium", "clicks", "conversions", "commissionCents"])
    }
}
