public import Contracts
import Foundation
public import Kernel

/// Rebuilds a tenant's rollups from the raw records (`RecordedHistory` and `ClickLog`) beside the live ones and compares the
/// two cell by cell, so a rollup bug is caught, and with `repair` replaces the live cells with the rebuilt ones.
/// Run it while the server is stopped: traffic recorded during a check shows up as differences.
public struct RollupAudit: Sendable {
    let store: any KeyValueStore
    let history: any RecordedHistory
    let clicks: any ClickLog
    static let rebuildNamespace = "rollup-rebuild"

    public init(store: any KeyValueStore, history: any RecordedHistory, clicks: any ClickLog) {
        self.store = store
        self.history = history
        self.clicks = clicks
    }

    public struct Report: Sendable {
        /// Events replayed from the raw records, clicks included.
        public let events: Int
        /// Cells (and memos) that differ, are missing, or should not exist.
        public let differences: Int
        /// A few of them, described.
        public let samples: [String]
    }

    /// Rebuilds and compares; with `repair`, the rebuilt cells then replace the live ones.
    public func run(_ tenant: TenantID, repair: Bool) async throws -> Report {
        let live = RollupKeys(tenant)
        let rebuilt = RollupKeys(tenant, namespace: Self.rebuildNamespace)
        for space in rebuilt.all + [PendingConversions(namespace: Self.rebuildNamespace).rows(of: tenant)] { try await Self.clear(space, in: store) }
        let cursor = ClickCursors(namespace: Self.rebuildNamespace).key(tenant)
        try await store.write { writer in _ = try writer.delete(.rollups, cursor) }
        var events = 0
        let projector = InsightsProjector(namespace: Self.rebuildNamespace)
        try await history.replay(tenant) { batch in
            events += batch.count
            try await store.write { writer in
                for event in batch { try projector.project(event, into: writer) }
            }
        }
        // Clicks are not replayed: the rebuild folds every click of the log from the first.
        events += try await RollupFolder(store: store, clicks: clicks, namespace: Self.rebuildNamespace).foldCounting(tenant).clicks
        try await RollupFolder(store: store, clicks: clicks).fold(tenant)
        var differences = 0
        var samples: [String] = []
        for (liveSpace, rebuiltSpace) in zip(live.all, rebuilt.all) {
            try compare(liveSpace, rebuiltSpace, Values(of: liveSpace, in: live)) { description in
                differences += 1
                if samples.count < 10 { samples.append(description) }
            }
        }
        if repair && differences > 0 {
            for (liveSpace, rebuiltSpace) in zip(live.all, rebuilt.all) {
                try await Self.clear(liveSpace, in: store)
                try await copy(rebuiltSpace, to: liveSpace)
            }
        }
        for space in rebuilt.all { try await Self.clear(space, in: store) }
        return Report(events: events, differences: differences, samples: samples)
    }

    /// What a keyspace's values are, which says when two are the same.
    private enum Values {
        case counters, memos, firstPurchases

        init(of space: Keyspace, in keys: RollupKeys) {
            switch space.prefix {
            case keys.memos.prefix: self = .memos
            case keys.customers.prefix: self = .firstPurchases
            default: self = .counters
            }
        }
    }

    /// Walks both keyspaces in key order at once, reporting every key whose value differs or that only one has.
    private func compare(_ live: Keyspace, _ rebuilt: Keyspace, _ values: Values, _ report: (String) -> Void) throws {
        func same(_ live: [UInt8], _ rebuilt: [UInt8]) -> Bool {
            switch values {
            case .counters: live == rebuilt
            case .memos: Self.sameMemo(live, rebuilt)
            // The same sale, whether its time is kept beside its id or, as before, only in its memo.
            case .firstPurchases: (try? FirstPurchase(stored: live).conversion) == (try? FirstPurchase(stored: rebuilt).conversion)
            }
        }
        func describe(_ value: [UInt8]) -> String {
            switch values {
            case .counters: Self.describe(value)
            case .memos: Self.describeMemo(value)
            case .firstPurchases: Hex.encode(value)
            }
        }
        var liveCells = RecordPages(store, live)
        var rebuiltCells = RecordPages(store, rebuilt)
        var a = try liveCells.next()
        var b = try rebuiltCells.next()
        let name = String(decoding: live.prefix.bytes.dropFirst(4).dropLast(), as: UTF8.self)
        while a != nil || b != nil {
            if let left = a, let right = b, left.suffix == right.suffix {
                if !same(left.value, right.value) { report("\(name) \(Hex.encode(left.suffix)): live \(describe(left.value)), rebuilt \(describe(right.value))") }
                a = try liveCells.next()
                b = try rebuiltCells.next()
            } else if let left = a, b.map({ left.suffix.lexicographicallyPrecedes($0.suffix) }) ?? true {
                report("\(name) \(Hex.encode(left.suffix)): live \(describe(left.value)), not rebuilt")
                a = try liveCells.next()
            } else if let right = b {
                report("\(name) \(Hex.encode(right.suffix)): missing, rebuilt \(describe(right.value))")
                b = try rebuiltCells.next()
            }
        }
    }

    /// Memos compare as memos, so one written as JSON before the binary form is the same memo in other bytes; their
    /// dates to the millisecond, since JSON kept them as a Double of milliseconds, which does not always give back the
    /// same Date.
    private static func sameMemo(_ live: [UInt8], _ rebuilt: [UInt8]) -> Bool {
        guard live != rebuilt else { return true }
        guard let left = try? MemoCoding.decode(live), let right = try? MemoCoding.decode(rebuilt) else { return false }
        return left.toTheMillisecond == right.toTheMillisecond
    }

    private static func describeMemo(_ value: [UInt8]) -> String {
        (try? MemoCoding.decode(value)).map { "\($0)" } ?? Hex.encode(value)
    }

    private static func describe(_ value: [UInt8]) -> String {
        guard let cell = try? CounterSet(encoded: value) else { return Hex.encode(value) }
        return "{" + cell.entries.map { "\($0.slot >> 16).\($0.slot & 0xFFFF)=\($0.value)" }.joined(separator: " ") + "}"
    }

    /// Deletes every entry of `space` in the `rollups` table, a page of them per transaction.
    static func clear(_ space: Keyspace, in store: any KeyValueStore) async throws {
        var cells = RecordPages(store, space, pageSize: 5_000)
        var keys: [StoreKey] = []
        while let entry = try cells.next() {
            keys.append(StoreKey(bytes: space.prefix.bytes + entry.suffix))
            if keys.count == 5_000 {
                try await delete(keys, from: store)
                keys.removeAll()
            }
        }
        try await delete(keys, from: store)
    }

    private static func delete(_ keys: [StoreKey], from store: any KeyValueStore) async throws {
        guard !keys.isEmpty else { return }
        try await store.write { writer in
            for key in keys { try writer.delete(.rollups, key) }
        }
    }

    private func copy(_ source: Keyspace, to target: Keyspace) async throws {
        var cells = RecordPages(store, source, pageSize: 5_000)
        var page: [(StoreKey, [UInt8])] = []
        while let entry = try cells.next() {
            page.append((StoreKey(bytes: target.prefix.bytes + entry.suffix), entry.value))
            if page.count == 5_000 {
                try await put(page)
                page.removeAll()
            }
        }
        try await put(page)
    }

    private func put(_ entries: [(StoreKey, [UInt8])]) async throws {
        guard !entries.isEmpty else { return }
        try await store.write { writer in
            for (key, value) in entries { try writer.put(.rollups, key, value) }
        }
    }
}

extension ConversionMemo {
    /// The memo with its dates rounded to the millisecond.
    fileprivate var toTheMillisecond: ConversionMemo {
        func rounded(_ date: Date) -> Date { Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000) }
        let click = click.map {
            ClickFacts(at: rounded($0.at), linkID: $0.linkID, country: $0.country, device: $0.device, referrerHost: $0.referrerHost, utm: $0.utm)
        }
        return ConversionMemo(
            at: rounded(at), programID: programID, affiliateID: affiliateID, kind: kind, recurring: recurring, subscription: subscription,
            status: status, amount: amount, commission: commission, click: click, attribution: attribution, returningCustomer: returningCustomer)
    }
}
