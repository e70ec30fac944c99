import Kernel

extension InsightsQuery {
    /// One-time versus recurring sales, subscription revenue per calendar month of the window (`mrrByMonth`) and
    /// the subscriptions canceled in it.
    func recurring(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        var months: [(CalendarMonth, CounterSet)] = []
        for (day, counts) in try reader.daily(scope, window, in: store) {
            if months.last?.0 != day.month { months.append((day.month, CounterSet())) }
            months[months.count - 1].1.add(counts)
        }
        let rows: [[(String, JSONValue)]] = months.map { [("month", .string($0.0.iso)), ("mrrCents", .int(money.cents($0.1, .subscriptionRevenue)))] }
        let recurring = totals.count(.recurring)
        return list(
            "mrrByMonth", rows, header: ["month", "mrrCents"],
            extra: [
                ("oneTimeConversions", .int(totals.count(.conversions) - recurring)), ("recurringConversions", .int(recurring)),
                ("recurringSharePct", .double(Ratio.percent(recurring, of: totals.count(.conversions)))),
                ("churnedSubscriptions", .int(totals.count(.churnedSubscriptions))),
            ])
    }
}
