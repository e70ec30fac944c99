import Kernel

extension InsightsQuery {
    /// Sales to new customers (their first attributed purchase) and to returning ones, with revenue. Sales that
    /// name no customer are in neither; no customer identity is returned.
    func customers(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        let rows: [[(String, JSONValue)]] = [
            [("segment", .string("new")), ("conversions", .int(totals.count(.newCustomers))), ("revenueCents", .int(money.cents(totals, .revenueNewCustomers)))],
            [
                ("segment", .string("returning")), ("conversions", .int(totals.count(.returningCustomers))),
                ("revenueCents", .int(money.cents(totals, .revenueReturningCustomers))),
            ],
        ]
        return list("segments", rows, header: ["segment", "conversions", "revenueCents"])
    }
}
