import Kernel

extension InsightsQuery {
    /// How long sales took from their originating click: `<1h`, `1-24h`, `1-7d`, `>7d`. Only sales with a click
    /// have a delay; `totalConversions` says how many the window had in all.
    func timeToConvert(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        let labels = ["<1h", "1-24h", "1-7d", ">7d"]
        let rows: [[(String, JSONValue)]] = labels.enumerated().map { bucket, label in
            [("bucket", .string(label)), ("conversions", .int(totals.count(.conversionsByDelay, bucket: bucket)))]
        }
        return list("buckets", rows, header: ["bucket", "conversions"], extra: [("totalConversions", .int(totals.count(.conversions)))])
    }
}
