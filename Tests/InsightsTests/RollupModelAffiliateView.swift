import Contracts
import Foundation
import Insights
import Kernel
import Testing

extension RollupModelTests {
    /// The affiliate's own view (`/api/me/insights`) against that affiliate's raw facts: commission where the brand's
    /// view shows revenue, and links and channels besides.
    static func compareAffiliateView(
        _ service: InsightsService, _ query: @escaping (String) -> String?, _ affiliate: AffiliateID, clicks: [Click], counted: [Sale], leads: Int,
        usd: ([Money]) -> Int64, label: String
    ) async throws {
        func module(_ name: String, _ extra: [String: String] = [:]) async throws -> JSONValue {
            try #require(try await service.affiliateModule(name, tenant, affiliate) { extra[$0] ?? query($0) }).json
        }
        let label = "affiliate view \(label)"
        let commission = usd(counted.map(\.commission))
        let overview = try await module("overview")
        #expect(overview["clicks"] == .int(Int64(clicks.count)) && overview["leads"] == .int(Int64(leads)), "\(label)")
        #expect(overview["conversions"] == .int(Int64(counted.count)) && overview["commissionCents"] == .int(commission), "\(label)")
        #expect(overview["epcCents"] == .int(clicks.isEmpty ? 0 : Int64((Double(commission) / Double(clicks.count)).rounded())), "\(label)")
        #expect(overview["grossRevenueCents"] == nil, "\(label)")

        /// Per value of a click: clicks, then the counted sales with such a click and their commission.
        func expected(_ value: (Click) -> String?) -> [String: [Int64]] {
            var rows: [String: [Int64]] = [:]
            for click in clicks { if let name = value(click) { rows[name, default: [0, 0, 0]][0] += 1 } }
            for sale in counted {
                guard let click = sale.click, let name = value(click) else { continue }
                rows[name, default: [0, 0, 0]][1] += 1
                rows[name]![2] += usd([sale.commission])
            }
            return rows
        }
        let columns = ["clicks", "conversions", "commissionCents"]
        let links = try await module("links")["links"]?.arrayElements ?? []
        #expect(table(links, key: "slug", columns) == expected { $0.link.description }, "links \(label)")
        let channels = try await module("channels")["channels"]?.arrayElements ?? []
        let channelRows = channels.map { row in
            JSONValue.object([("channel", .string("\(row["source"]?.stringValue ?? "?")/\(row["medium"]?.stringValue ?? "?")")), ("clicks", row["clicks"] ?? .null),
                ("conversions", row["conversions"] ?? .null), ("commissionCents", row["commissionCents"] ?? .null)])
        }
        #expect(table(channelRows, key: "channel", columns) == expected { "\($0.profile.utm.source ?? "(none)")/\($0.profile.utm.medium ?? "(none)")" }, "channels \(label)")
        let sources = try await module("utm", ["dimension": "source"])["values"]?.arrayElements ?? []
        #expect(table(sources, key: "value", columns) == expected(\.profile.utm.source), "utm \(label)")

        let origins = try await module("sale-origin")["sources"]?.arrayElements ?? []
        let byOrigin = expected { $0.profile.referrer ?? "(direct)" }.filter { $0.value[1] > 0 }.mapValues { [$0[1], $0[2]] }
        #expect(table(origins, key: "source", ["conversions", "commissionCents"]) == byOrigin, "sale-origin \(label)")
    }
}
