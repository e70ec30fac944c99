public import Contracts
public import Kernel

/// Tracking's records as events: every ledger row as `conversion.created` in its current state (status, commission
/// after refunds), every ended subscription as `subscription.canceled`. Clicks are not replayed: Insights folds them
/// from the click records themselves (`StoredClickLog`). Read in pages, each in its own short read transaction.
public struct TrackingHistory: RecordedHistory {
    let database: Database
    let pageSize: Int

    public init(database: Database, pageSize: Int = 20_000) {
        self.database = database
        self.pageSize = pageSize
    }

    public func replay(_ tenant: TenantID, _ deliver: ([any DomainEvent]) async throws -> Void) async throws {
        try await pages(of: ConversionKeys.conversions(tenant), deliver) { _, bytes, store in
            let conversion = try ConversionCoding.decode(bytes)
            let click = try conversion.clickID.flatMap { id in
                try store.get(.records, ClickKeys.clicks(tenant).key(id)).map { try ClickCoding.decode($0, id: id) }
            }
            return conversion.recorded(tenant, click: click)
        }
        let subscriptions = ConversionKeys.subscriptions(tenant)
        try await pages(of: subscriptions, deliver) { key, bytes, _ in
            let subscription = try RecordCoding.decode(SubscriptionAttribution.self, from: bytes)
            guard let endedAt = subscription.endedAt else { return nil }
            return SubscriptionEnded(
                tenant: tenant, subscriptionID: String(decoding: key.suffix(after: subscriptions.prefix).dropLast(), as: UTF8.self),
                programID: subscription.programID, affiliateID: subscription.affiliateID, at: endedAt)
        }
    }

    private func pages(
        of records: Keyspace, _ deliver: ([any DomainEvent]) async throws -> Void,
        _ event: (StoreKey, [UInt8], borrowing any StoreReader & ~Copyable) throws -> (any DomainEvent)?
    ) async throws {
        var after: StoreKey?
        while true {
            let (events, last): ([any DomainEvent], StoreKey?) = try database.read { store in
                var events: [any DomainEvent] = []
                var last: StoreKey?
                try store.scan(.records, prefix: records.prefix, after: after, reverse: false) { key, bytes in
                    if let recorded = try event(key, bytes, store) { events.append(recorded) }
                    last = key
                    return events.count < pageSize
                }
                return (events, last)
            }
            if !events.isEmpty { try await deliver(events) }
            guard let last else { return }
            after = last
        }
    }
}
