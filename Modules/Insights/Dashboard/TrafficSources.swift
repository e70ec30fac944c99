import Kernel

extension InsightsQuery {
    /// `GET /api/v1/dashboard/traffic-sources`: clicks by referrer host, the top 20, each with its share of all the
    /// window's clicks in percent (one decimal). Clicks without a usable referrer are `(direct)`.
    func trafficSources(in store: borrowing some StoreReader & ~Copyable) throws -> JSONValue {
        let sources = try reader.values(of: .referrer, scope, window, in: store)
            .map { ($0.key, $0.value.count(.clicks)) }
            .filter { $0.1 > 0 }
        let total = sources.reduce(0) { $0 + $1.1 }
        let top = sources.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(20)
        return .array(
            top.map { source, count in
                .object([("source", .string(source)), ("count", .int(count)), ("percentage", .double(Ratio.percent(count, of: total, decimals: 1)))])
            })
    }
}
