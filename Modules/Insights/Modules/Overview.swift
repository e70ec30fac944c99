import Kernel

extension InsightsQuery {
    /// Headline rates of the window. `conversionRate` and `recurringSharePct` are percentages (4 decimals);
    /// `refundRate`, `clickToLeadRate` and `leadToSaleRate` are fractions 0..1 (4 decimals); `epcCents` is
    /// commission per click and `aovCents` revenue per conversion, in whole cents.
    func overview(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        let clicks = totals.count(.clicks)
        let conversions = totals.count(.conversions)
        let refunded = totals.count(.refunded)
        let leads = totals.count(.leads)
        let revenue = money.cents(totals, .revenue)
        let commission = money.cents(totals, .commission)
        return single([
            ("clicks", .int(clicks)),
            ("conversions", .int(conversions)),
            ("conversionRate", .double(Ratio.percent(conversions, of: clicks))),
            ("epcCents", .int(Ratio.perUnit(commission, per: clicks))),
            ("aovCents", .int(Ratio.perUnit(revenue, per: conversions))),
            ("grossRevenueCents", .int(revenue)),
            ("commissionCents", .int(commission)),
            ("refundedConversions", .int(refunded)),
            ("refundRate", .double(Ratio.fraction(refunded, of: conversions + refunded))),
            ("recurringConversions", .int(totals.count(.recurring))),
            ("recurringSharePct", .double(Ratio.percent(totals.count(.recurring), of: conversions))),
            ("leads", .int(leads)),
            ("clickToLeadRate", .double(Ratio.fraction(leads, of: clicks))),
            ("leadToSaleRate", .double(Ratio.fraction(conversions, of: leads))),
        ])
    }
}
