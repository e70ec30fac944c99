import Kernel

extension InsightsQuery {
    /// Conversions and revenue by the referring host of their originating click (top 20), and how many of the
    /// window's conversions have such a click at all (`coverage`, a fraction with 4 decimals).
    func saleOrigin(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        let sources = try reader.values(of: .referrer, scope, window, in: store)
            .map { (source: $0.key, conversions: $0.value.count(.conversions), amount: amount($0.value)) }
            .filter { $0.conversions > 0 }
            .sorted { ($0.conversions, $0.amount, $1.source) > ($1.conversions, $1.amount, $0.source) }
            .prefix(20)
        let attributed = totals.count(.attributed)
        return list(
            "sources", sources.map { [("source", .string($0.source)), ("conversions", .int($0.conversions)), (amountName, .int($0.amount))] },
            header: ["source", "conversions", amountName],
            extra: [
                ("attributedConversions", .int(attributed)), ("totalConversions", .int(totals.count(.conversions))),
                ("coverage", .double(Ratio.fraction(attributed, of: totals.count(.conversions)))),
            ])
    }
}
