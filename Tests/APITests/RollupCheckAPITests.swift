import Contracts
import Foundation
import HTTPServer
import HTTPTypes
@testable import Insights
import Kernel
import Storage
import Tracking
import Testing

/// `vouch rollups` on a data directory filled over HTTP: the rollups rebuilt from the raw records equal the live
/// ones, a damaged cell is reported, and `--repair` restores it.
@Suite struct RollupCheckAPITests {
    @Test func rebuiltRollupsMatchTheLiveOnesAndRepairFixesDamage() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-rollups-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await APIHarness.run(dataDirectory: directory) { api in
            let (shop, _, _, sales) = try await DashboardAPITests.seeded(api)
            #expect(try await api.call(.post, "/api/v1/conversions/\(sales[0])/approve", token: shop.key).status == .ok)
            #expect(try await api.call(.post, "/api/v1/conversions/\(sales[1])/deny", token: shop.key).status == .ok)
        }
        let clean = try await checkRollups(dataDirectory: directory, handle: nil, repair: false)
        #expect(clean.map(\.handle) == ["acme"])
        #expect(clean.first?.report.differences == 0, "\(clean.first?.report.samples ?? [])")
        #expect(clean.first?.report.events == 4 + 4)  // four clicks; the Stripe sale, two S2S sales and the lead

        // Damage one live cell: the tenant-wide series of today gains a click that never happened.
        let store = try LMDBStore(path: directory)
        let tenant = try #require(TenantID(number: 1))
        let cells = try store.read { reader in
            var keys: [StoreKey] = []
            try reader.scan(.rollups, prefix: Keyspace.tenant(tenant, "rollup-series").prefix) { key, _ in
                keys.append(key)
                return true
            }
            return keys
        }
        let damaged = try #require(cells.first)
        try await store.write { try $0.add(.rollups, damaged, CounterSet(1 << 16, 1)) }
        await store.shutdown()

        let found = try await checkRollups(dataDirectory: directory, handle: "acme", repair: false)
        #expect(found.first?.report.differences == 1 && found.first?.report.samples.first?.hasPrefix("rollup-series") == true)
        let repaired = try await checkRollups(dataDirectory: directory, handle: "acme", repair: true)
        #expect(repaired.first?.report.differences == 1)
        let after = try await checkRollups(dataDirectory: directory, handle: "acme", repair: false)
        #expect(after.first?.report.differences == 0)
    }

    /// A data directory whose rollups were written before clicks were folded from their records (no layout mark, no
    /// click cursors, clicks left in pending cells) is rebuilt once when a server opens it: no click counts twice.
    @Test func rollupsOfAnEarlierLayoutAreRebuiltOnceAtStart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-rollups-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await APIHarness.run(dataDirectory: directory) { api in
            let (shop, _, _, _) = try await DashboardAPITests.seeded(api)
            // The query folds the clicks, which moves the tenant's cursor.
            let summary = try await api.call(.get, "/api/v1/dashboard/summary", token: shop.key)
            #expect(summary.json["totalClicks"] == .int(4), "\(summary.raw)")
        }
        let mark = Keyspace.global("rollup-layout").key("click-log")
        let earlierPending = Keyspace.global("rollup-pending-click-instants")
        let store = try LMDBStore(path: directory)
        let cursors = try store.read { reader in
            var keys: [StoreKey] = []
            try reader.scan(.rollups, prefix: Keyspace.global("rollup-click-cursors").prefix) { key, _ in
                keys.append(key)
                return true
            }
            return keys
        }
        #expect(cursors.count == 1)
        try await store.write { writer in
            for key in cursors + [mark] { #expect(try writer.delete(.rollups, key)) }
            try writer.put(.rollups, earlierPending.key(UInt32(1), "cell"), CounterSet(1 << 16, 3).encoded)
        }
        await store.shutdown()

        try await APIHarness.run(dataDirectory: directory) { api in
            let key = try await api.key("acme", scope: "read")
            let summary = try await api.call(.get, "/api/v1/dashboard/summary", token: key)
            #expect(summary.json["totalClicks"] == .int(4) && summary.json["totalConversions"] == .int(3), "\(summary.raw)")
        }
        let reopened = try LMDBStore(path: directory)
        #expect(try reopened.read { try $0.get(.rollups, mark) } != nil)
        #expect(try reopened.read { try $0.count(.rollups, prefix: earlierPending.prefix) } == 0)
        await reopened.shutdown()
    }

    /// What `ingest.sh` measures against: a server started without the projections records events but keeps no
    /// rollups, and `--repair` builds them all from the raw records.
    @Test func withoutProjectionsTheRollupsWaitForARepair() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-rollups-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await APIHarness.run(dataDirectory: directory, insightsProjections: false) { api in
            let (shop, _, _, _) = try await DashboardAPITests.seeded(api)
            let summary = try await api.call(.get, "/api/v1/dashboard/summary", token: shop.key)
            #expect(summary.json["totalClicks"] == .int(0) && summary.json["totalConversions"] == .int(0), "\(summary.raw)")
        }
        let missing = try await checkRollups(dataDirectory: directory, handle: "acme", repair: true)
        #expect((missing.first?.report.differences ?? 0) > 0)
        try await APIHarness.run(dataDirectory: directory) { api in
            let key = try await api.key("acme", scope: "read")
            let summary = try await api.call(.get, "/api/v1/dashboard/summary", token: key)
            #expect(summary.json["totalClicks"] == .int(4) && summary.json["totalConversions"] == .int(3), "\(summary.raw)")
        }
    }

    /// Memos written as JSON, before their binary form, are the same memos to the check, so an upgrade reports
    /// nothing; a memo that says something else is reported, readably.
    @Test func aMemoStoredAsJSONIsNoDifference() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-rollups-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await APIHarness.run(dataDirectory: directory) { api in _ = try await DashboardAPITests.seeded(api) }
        let store = try LMDBStore(path: directory)
        // What is still pending is counted first, so that the memos below are the ones the cells count.
        try await RollupFolder(store: store, clicks: StoredClickLog()).fold()
        let tenant = try #require(TenantID(number: 1))
        let memos = try store.read { reader in
            var found: [(key: StoreKey, value: [UInt8])] = []
            try reader.scan(.rollups, prefix: Keyspace.tenant(tenant, "rollup-conversion").prefix) { key, value in
                found.append((key, value))
                return true
            }
            return found
        }
        #expect(memos.count >= 3)
        for memo in memos {
            let json = try RecordCoding.encode(try MemoCoding.decode(memo.value))
            try await store.write { try $0.put(.rollups, memo.key, json) }
        }
        let denied = try MemoCoding.decode(memos[0].value).reviewed(.denied, commission: Money(minorUnits: 0, currency: .usd))
        try await store.write { try $0.put(.rollups, memos[0].key, MemoCoding.encode(denied)) }
        await store.shutdown()

        let report = try #require(try await checkRollups(dataDirectory: directory, handle: "acme", repair: false).first?.report)
        #expect(report.differences == 1 && report.samples.first?.contains("denied") == true, "\(report.samples)")
    }
}
