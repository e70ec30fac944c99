import Kernel

/// The series `GET /api/v1/dashboard/timeseries` and `export.csv` chart.
enum TimeseriesMetric: String, CaseIterable {
    case clicks, conversions, leads, payouts

    static func parse(_ raw: String?) throws(DomainError) -> TimeseriesMetric {
        guard let raw else { throw DomainError.validation("metric", "metric is required: \(allCases.map(\.rawValue).joined(separator: " | "))") }
        guard let metric = TimeseriesMetric(rawValue: raw) else {
            throw DomainError.validation("metric", "metric must be one of \(allCases.map(\.rawValue).joined(separator: " | "))")
        }
        return metric
    }

    /// A day's value: a count, or for `payouts` (as the spec has it, despite the field's name `count`) the day's
    /// paid commission in home-currency cents.
    func value(of day: CounterSet, money: HomeMoney) -> Int64 {
        switch self {
        case .clicks: day.count(.clicks)
        case .conversions: day.count(.conversions)
        case .leads: day.count(.leads)
        case .payouts: money.cents(day, .paidCommission)
        }
    }
}

extension InsightsQuery {
    /// One point per day of the window, days without activity included.
    func timeseries(_ metric: TimeseriesMetric, in store: borrowing some StoreReader & ~Copyable) throws -> [(CalendarDay, Int64)] {
        try reader.daily(scope, window, in: store).map { ($0.0, metric.value(of: $0.1, money: money)) }
    }

    func timeseriesReport(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        if let granularity = parameter("granularity"), granularity != "day" {
            throw DomainError.validation("granularity", "granularity must be day")
        }
        let metric = try TimeseriesMetric.parse(parameter("metric"))
        let points = try timeseries(metric, in: store)
        var members: [(String, JSONValue)] = [
            ("metric", .string(metric.rawValue)), ("granularity", .string("day")),
            ("since", .string(Timestamp.format(window.since))), ("until", .string(Timestamp.format(window.until))),
            ("points", .array(points.map { .object([("bucket", .string($0.0.iso)), ("count", .int($0.1))]) })),
        ]
        if metric == .payouts { members += money.members }
        return InsightsReport(
            json: .object(members), rows: points.map { [("date", .string($0.0.iso)), (metric.rawValue, .int($0.1))] }, header: ["date", metric.rawValue])
    }
}
