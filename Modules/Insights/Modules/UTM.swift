import Kernel

extension InsightsQuery {
    /// Clicks, conversions and revenue per value of one UTM parameter (`dimension`: source, medium or campaign;
    /// source by default). Clicks and sales without that parameter are not listed.
    func utm(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let dimensions: [String: Dimension] = ["source": .utmSource, "medium": .utmMedium, "campaign": .utmCampaign]
        let name = parameter("dimension") ?? "source"
        guard let dimension = dimensions[name] else { throw DomainError.validation("dimension", "dimension must be one of source | medium | campaign") }
        let rows = try reader.values(of: dimension, scope, window, in: store)
            .map { (value: $0.key, clicks: $0.value.count(.clicks), conversions: $0.value.count(.conversions), amount: amount($0.value)) }
            .sorted { ($0.clicks, $0.conversions, $1.value) > ($1.clicks, $1.conversions, $0.value) }
        return list(
            "values",
            rows.map { [("value", .string($0.value)), ("clicks", .int($0.clicks)), ("conversions", .int($0.conversions)), (amountName, .int($0.amount))] },
            header: ["value", "clicks", "conversions", amountName], extra: [("dimension", .string(name))])
    }
}
