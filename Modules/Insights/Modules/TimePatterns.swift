import Kernel

extension InsightsQuery {
    /// Clicks and conversions in each cell of the week: day of week (0 = Sunday) by hour of day, both UTC. All 168
    /// cells, Sunday 00:00 first.
    func timePatterns(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        var clicks = [Int64](repeating: 0, count: 168)
        var conversions = [Int64](repeating: 0, count: 168)
        for (day, counts) in try reader.daily(scope, window, in: store) where !counts.isEmpty {
            for hour in 0..<24 {
                clicks[day.weekday * 24 + hour] += counts.count(.clicksByHour, bucket: hour)
                conversions[day.weekday * 24 + hour] += counts.count(.conversionsByHour, bucket: hour)
            }
        }
        let rows = (0..<168).map { cell -> [(String, JSONValue)] in
            let dayOfWeek = JSONValue.int(Int64(cell / 24))
            let hour = JSONValue.int(Int64(cell % 24))
            return [("dayOfWeek", dayOfWeek), ("hour", hour), ("clicks", .int(clicks[cell])), ("conversions", .int(conversions[cell]))]
        }
        return list("cells", rows, header: ["dayOfWeek", "hour", "clicks", "conversions"])
    }
}
