public import Contracts
import Foundation
public import Kernel

/// Applies a billing provider's events to the ledger: payments become sales (with renewals counted against the
/// program's recurring rule and the recruiter's override), refunds shrink commissions or claw them back, a
/// subscription's end stops its renewals. Every event id is applied once, and every payment once whichever of its
/// events arrives first, so redelivered and reordered events converge to the same ledger.
public struct BillingIngestion: BillingEventSink {
    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    let tenants: any TenantDirectory
    let attributor: PaymentAttributor

    public init(
        database: Database, clock: any WallClock, ids: IDGenerator, programs: any ProgramDirectory, affiliates: any AffiliateDirectory,
        tenants: any TenantDirectory, clicks: ClickService, ledger: ConversionLedger
    ) {
        self.database = database
        self.clock = clock
        self.ids = ids
        self.tenants = tenants
        attributor = PaymentAttributor(database: database, programs: programs, affiliates: affiliates, clicks: clicks, ledger: ledger)
    }

    public func apply(_ event: BillingEvent, provider: String, tenant: TenantID) async throws -> BillingOutcome {
        let eventKey = ConversionKeys.billingEvents(tenant).key(provider, event.id)
        if try database.read({ store in try store.get(.indexes, eventKey) }) != nil { return .duplicate }
        switch event.fact {
        case .payment(let payment): return try await record(payment, of: event, eventKey: eventKey, tenant: tenant)
        case .subscriptionStarted(let trial): return try await start(trial, of: event, eventKey: eventKey, tenant: tenant)
        case .refund(let refund): return try await record(refund, of: event, eventKey: eventKey, tenant: tenant)
        case .paymentLinked(let paymentKey, let aliases): return try await link(paymentKey, aliases, eventKey: eventKey, tenant: tenant)
        case .subscriptionEnded(let subscription): return try await end(subscription, of: event, eventKey: eventKey, tenant: tenant)
        case .ignored: return try await claim(eventKey, outcome: .ignored(reason: "event_type_not_handled"))
        }
    }

    /// Marks an event applied and answers `outcome`, or `duplicate` when a concurrent delivery got there first.
    func claim(_ eventKey: StoreKey, outcome: BillingOutcome) async throws -> BillingOutcome {
        try await database.write { store, _ in try store.insert(.indexes, eventKey, []) ? outcome : .duplicate }
    }

    private func end(_ subscriptionID: String, of event: BillingEvent, eventKey: StoreKey, tenant: TenantID) async throws -> BillingOutcome {
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        return try await database.write { store, events in
            guard try store.insert(.indexes, eventKey, []) else { return .duplicate }
            let key = ConversionKeys.subscriptions(tenant).key(subscriptionID)
            guard let bytes = try store.get(.records, key) else { return .ignored(reason: "subscription_not_attributed") }
            var subscription = try RecordCoding.decode(SubscriptionAttribution.self, from: bytes)
            guard subscription.endedAt == nil else { return .recorded }
            subscription.endedAt = event.occurredAt
            try store.put(.records, key, RecordCoding.encode(subscription))
            events.record(
                SubscriptionEnded(
                    tenant: tenant, subscriptionID: subscriptionID, programID: subscription.programID, affiliateID: subscription.affiliateID,
                    at: event.occurredAt))
            if let first = try subscription.timelineID.flatMap({ try writes.load($0, in: store) }) {
                try writes.note(.canceled, of: first, amount: Money(minorUnits: 0, currency: first.amount.currency),
                    commission: Money(minorUnits: 0, currency: first.commission.currency), at: event.occurredAt, in: store)
            }
            return .recorded
        }
    }
}
