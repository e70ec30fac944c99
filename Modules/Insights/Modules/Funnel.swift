import Kernel

extension InsightsQuery {
    /// clicks → conversions → approved → paid, with a `leads` step after clicks only when the window has leads.
    func funnel(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        var steps: [(String, Int64)] = [("clicks", totals.count(.clicks))]
        if totals.count(.leads) > 0 { steps.append(("leads", totals.count(.leads))) }
        steps += [("conversions", totals.count(.conversions)), ("approved", totals.count(.approved)), ("paid", totals.count(.paid))]
        return list("steps", steps.map { [("step", .string($0.0)), ("count", .int($0.1))] }, header: ["step", "count"])
    }
}
