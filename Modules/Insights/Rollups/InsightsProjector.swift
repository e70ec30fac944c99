import Contracts
public import Kernel

/// Keeps the rollups in step with Tracking's events, inside the transaction that records them (ARCHITECTURE.md).
/// A conversion row's change stores its memo and marks the row pending (`PendingConversions`). Clicks need nothing
/// here: the click records are the log `RollupFolder` folds from (`ClickCursors`). It folds both in batches.
public struct InsightsProjector: EventProjector {
    private let keys: TenantRollupKeys
    private let pendingConversions: PendingConversions

    public init() { self.init(namespace: RollupKeys.live) }

    /// A projector into another namespace: how a rebuild recomputes every cell beside the live ones.
    init(namespace: String) {
        keys = TenantRollupKeys(namespace: namespace)
        pendingConversions = PendingConversions(namespace: namespace)
    }

    public func project(_ event: any DomainEvent, into store: borrowing some StoreWriter & ~Copyable) throws {
        if event is ClickRecorded { return }
        let keys = keys(event.tenant)
        let memos = ConversionMemos(tenant: event.tenant, keys: keys, pending: pendingConversions)
        switch event {
        case let conversion as ConversionRecorded:
            try memos.record(conversion, in: store)
        case let lead as LeadRecorded:
            try memos.replace(lead.conversionID, in: store) { _ in ConversionMemo(lead) }
        case let approval as ConversionApproved:
            try memos.replace(approval.conversionID, in: store) { $0?.reviewed(.approved, commission: approval.commission) }
        case let denial as ConversionDenied:
            try memos.replace(denial.conversionID, in: store) { $0?.reviewed(.denied, commission: denial.commission) }
        case let refund as ConversionRefunded:
            try memos.replace(refund.conversionID, in: store) { $0?.refunded(commission: refund.commissionAfter, isFull: refund.isFull) }
        case let change as ConversionCommissionChanged:
            try memos.replace(change.conversionID, in: store) { $0?.reviewed($0?.status ?? .pending, commission: change.commission) }
        case let ended as SubscriptionEnded:
            var churn = Contribution()
            churn.totals.add(.churnedSubscriptions)
            var batch = RollupBatch()
            batch.add(churn, day: CalendarDay(ended.at), program: ended.programID, affiliate: ended.affiliateID)
            try batch.add(into: store, keys)
        default:
            break
        }
    }
}
