import Contracts
import Foundation
import Insights
import Kernel
import Testing

extension RollupModelTests {
    /// The breakdowns against the same raw facts: referrer hosts, devices, UTM values, the week's grid, delays to
    /// convert, sale origins, attribution methods, new and returning customers, the funnel, conversions and leads per day,
    /// and subscription revenue per month.
    static func compareBreakdowns(
        _ service: InsightsService, _ query: @escaping (String) -> String?, clicks: [Click], sales: [Sale], leads: [Date],
        firsts: Set<ConversionID>, usd: ([Money]) -> Int64, label: String
    ) async throws {
        let counted = sales.filter { $0.status != .refunded && $0.status != .denied }
        func module(_ name: String, _ extra: [String: String] = [:]) async throws -> JSONValue {
            try #require(try await service.module(name, tenant) { extra[$0] ?? query($0) }).json
        }

        var bySource: [String: [Int64]] = [:]
        for click in clicks { bySource[click.profile.referrer ?? "(direct)", default: [0]][0] += 1 }
        let sources = try await service.trafficSources(tenant, query).arrayElements ?? []
        #expect(table(sources, key: "source", ["count"]) == bySource, "traffic-sources \(label)")
        for source in sources {
            let share = ((Double(source["count"]?.intValue ?? 0) * 100 / Double(clicks.count)) * 10).rounded() / 10
            #expect(source["percentage"] == .double(share), "traffic-sources \(label)")
        }

        var byDevice = Dictionary(uniqueKeysWithValues: DeviceClass.allCases.map { ($0.rawValue, [Int64(0), 0]) })
        for click in clicks { byDevice[click.profile.device.rawValue]![0] += 1 }
        for sale in counted { byDevice[sale.click?.profile.device.rawValue ?? "(unknown)", default: [0, 0]][1] += 1 }
        let devices = try await module("devices")["devices"]?.arrayElements ?? []
        #expect(table(devices, key: "device", ["clicks", "conversions"]) == byDevice, "devices \(label)")

        let parameters: [(String, KeyPath<UTMParameters, String?>)] = [("source", \.source), ("medium", \.medium), ("campaign", \.campaign)]
        for (dimension, value) in parameters {
            var byValue: [String: [Int64]] = [:]
            for click in clicks { if let name = click.profile.utm[keyPath: value] { byValue[name, default: [0, 0, 0]][0] += 1 } }
            for sale in counted {
                guard let name = sale.click?.profile.utm[keyPath: value] else { continue }
                byValue[name, default: [0, 0, 0]][1] += 1
                byValue[name]![2] += usd([sale.amount])
            }
            let values = try await module("utm", ["dimension": dimension])["values"]?.arrayElements ?? []
            #expect(table(values, key: "value", ["clicks", "conversions", "revenueCents"]) == byValue, "utm \(dimension) \(label)")
        }

        let origins = try await module("sale-origin")
        var byOrigin: [String: [Int64]] = [:]
        for sale in counted where sale.click != nil {
            byOrigin[sale.click?.profile.referrer ?? "(direct)", default: [0, 0]][0] += 1
            byOrigin[sale.click?.profile.referrer ?? "(direct)"]![1] += usd([sale.amount])
        }
        let attributed = Int64(counted.count { $0.click != nil })
        #expect(table(origins["sources"]?.arrayElements ?? [], key: "source", ["conversions", "revenueCents"]) == byOrigin, "sale-origin \(label)")
        #expect(origins["attributedConversions"] == .int(attributed) && origins["totalConversions"] == .int(Int64(counted.count)), "sale-origin \(label)")
        let coverage = counted.isEmpty ? 0 : (Double(attributed) / Double(counted.count) * 10_000).rounded() / 10_000
        #expect(origins["coverage"] == .double(coverage), "sale-origin \(label)")

        var grid = [[Int64]](repeating: [0, 0], count: 168)
        func cell(_ date: Date) -> Int {
            let seconds = Int(date.timeIntervalSince1970)
            let weekday = (seconds / 86_400 + 4) % 7  // 1970-01-01 was a Thursday
            return weekday * 24 + seconds % 86_400 / 3600
        }
        for click in clicks { grid[cell(click.at)][0] += 1 }
        for sale in counted { grid[cell(sale.at)][1] += 1 }
        let cells = try await module("time-patterns")["cells"]?.arrayElements ?? []
        #expect(cells.map { [$0["clicks"]?.intValue ?? -1, $0["conversions"]?.intValue ?? -1] } == grid, "time-patterns \(label)")
        #expect(cells.map { ($0["dayOfWeek"]?.intValue ?? -1) * 24 + ($0["hour"]?.intValue ?? -1) } == (0..<168).map(Int64.init), "time-patterns \(label)")

        var delays: [Int64] = [0, 0, 0, 0]
        for sale in counted {
            guard let click = sale.click else { continue }
            let seconds = sale.at.timeIntervalSince(click.at)
            delays[seconds < 3_600 ? 0 : seconds < 86_400 ? 1 : seconds < 7 * 86_400 ? 2 : 3] += 1
        }
        let buckets = try await module("time-to-convert")["buckets"]?.arrayElements ?? []
        #expect(buckets.map { $0["conversions"]?.intValue ?? -1 } == delays, "time-to-convert \(label)")

        var byMethod = ["Coupon": [Int64(0), 0, 0], "Link": [0, 0, 0], "Other": [0, 0, 0]]
        for sale in counted {
            let method = sale.coupon ? "Coupon" : sale.click != nil ? "Link" : "Other"
            byMethod[method]! = zip(byMethod[method]!, [1, usd([sale.amount]), usd([sale.commission])]).map(+)
        }
        let methods = try await module("attribution")["methods"]?.arrayElements ?? []
        #expect(table(methods, key: "method", ["conversions", "revenueCents", "commissionCents"]) == byMethod, "attribution \(label)")

        let segments = try await module("customers")["segments"]?.arrayElements ?? []
        let new = counted.filter { firsts.contains($0.id) }
        let returning = counted.filter { !firsts.contains($0.id) }
        let bySegment = ["new": [Int64(new.count), usd(new.map(\.amount))], "returning": [Int64(returning.count), usd(returning.map(\.amount))]]
        #expect(table(segments, key: "segment", ["conversions", "revenueCents"]) == bySegment, "customers \(label)")

        var funnel: [(String, Int64)] = [("clicks", Int64(clicks.count))]
        if !leads.isEmpty { funnel.append(("leads", Int64(leads.count))) }
        let paid = counted.filter { $0.status == .paid }
        funnel += [("conversions", Int64(counted.count)), ("approved", Int64(counted.count { $0.status == .approved }) + Int64(paid.count)), ("paid", Int64(paid.count))]
        let steps = try await module("funnel")["steps"]?.arrayElements ?? []
        #expect(steps.map { $0["step"]?.stringValue ?? "" } == funnel.map(\.0) && steps.map { $0["count"]?.intValue ?? -1 } == funnel.map(\.1), "funnel \(label)")

        // The payouts series sums the commission paid on each day (the spec calls the sum `count`).
        var paidPerDay: [Substring: Int64] = [:]
        for sale in paid { paidPerDay[Timestamp.format(sale.at).prefix(10), default: 0] += usd([sale.commission]) }
        let payouts = try await service.timeseries(tenant) { $0 == "metric" ? "payouts" : query($0) }.json["points"]?.arrayElements ?? []
        #expect(payouts.allSatisfy { $0["count"]?.intValue == paidPerDay[Substring($0["bucket"]?.stringValue ?? "")] ?? 0 }, "payouts \(label)")
        #expect(payouts.reduce(0) { $0 + ($1["count"]?.intValue ?? 0) } == usd(paid.map(\.commission)), "payouts \(label)")

        var days: [String] = []
        for (metric, dates) in [("conversions", counted.map(\.at)), ("leads", leads)] {
            let perDay = Dictionary(grouping: dates) { Timestamp.format($0).prefix(10) }.mapValues { Int64($0.count) }
            let series = try await service.timeseries(tenant) { $0 == "metric" ? metric : query($0) }.json["points"]?.arrayElements ?? []
            #expect(series.allSatisfy { $0["count"]?.intValue == perDay[Substring($0["bucket"]?.stringValue ?? "")] ?? 0 }, "\(metric) \(label)")
            #expect(series.reduce(0) { $0 + ($1["count"]?.intValue ?? 0) } == Int64(dates.count), "\(metric) \(label)")
            days = series.map { $0["bucket"]?.stringValue ?? "" }
        }

        // Subscription revenue per calendar month the window touches, counting only the window's days.
        var months: [(String, Int64)] = []
        for day in days where months.last?.0 != String(day.prefix(7)) { months.append((String(day.prefix(7)), 0)) }
        for sale in counted where sale.recurring {
            let month = String(Timestamp.format(sale.at).prefix(7))
            if let index = months.firstIndex(where: { $0.0 == month }) { months[index].1 += usd([sale.amount]) }
        }
        let recurring = try await module("recurring")
        let mrr = recurring["mrrByMonth"]?.arrayElements ?? []
        #expect(mrr.map { $0["month"]?.stringValue ?? "" } == months.map(\.0) && mrr.map { $0["mrrCents"]?.intValue ?? -1 } == months.map(\.1), "recurring \(label)")
        let recurringCount = Int64(counted.count(where: \.recurring))
        #expect(recurring["recurringConversions"] == .int(recurringCount) && recurring["oneTimeConversions"] == .int(Int64(counted.count) - recurringCount), "recurring \(label)")
    }

    /// Rows keyed by one member, each with the listed members' integers in order; fails on a repeated key.
    static func table(_ rows: [JSONValue], key: String, _ members: [String]) -> [String: [Int64]] {
        Dictionary(rows.map { row in (row[key]?.stringValue ?? "?", members.map { row[$0]?.intValue ?? -1 }) }) { _, _ in [-1] }
    }
}
