import Kernel

extension InsightsQuery {
    /// Sales by how they were attributed: `Coupon` (a redeemed code), `Link` (an originating click), `Other`
    /// (metadata, customer, email match, import or S2S without a click).
    func attribution(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        let rows: [[(String, JSONValue)]] = AttributionBucket.allCases.map { bucket in
            [
                ("method", .string(bucket.label)), ("conversions", .int(totals.count(.conversionsByAttribution, bucket: bucket.rawValue))),
                ("revenueCents", .int(money.cents(totals, bucket.revenueMetric))), ("commissionCents", .int(money.cents(totals, bucket.commissionMetric))),
            ]
        }
        return list("methods", rows, header: ["method", "conversions", "revenueCents", "commissionCents"])
    }
}
