import Kernel

extension InsightsQuery {
    /// Clicks, conversions and revenue per country (ISO 3166-1 alpha-2). A sale without an originating click, or a
    /// click whose country is unknown, counts under `(unknown)`.
    func geography(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let rows = try reader.values(of: .country, scope, window, in: store)
            .map { (country: $0.key, clicks: $0.value.count(.clicks), conversions: $0.value.count(.conversions), amount: amount($0.value)) }
            .sorted { ($0.clicks, $0.conversions, $1.country) > ($1.clicks, $1.conversions, $0.country) }
        return list(
            "countries",
            rows.map { [("country", .string($0.country)), ("clicks", .int($0.clicks)), ("conversions", .int($0.conversions)), (amountName, .int($0.amount))] },
            header: ["country", "clicks", "conversions", amountName])
    }
}
