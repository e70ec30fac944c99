import Contracts
import Foundation
import Kernel

extension BillingIngestion {
    /// A payment becomes a sale of the attributed affiliate: the first of a subscription starts its timeline, a later
    /// one is a renewal that earns only inside the program's recurring rule.
    func record(_ payment: BillingPayment, of event: BillingEvent, eventKey: StoreKey, tenant: TenantID) async throws -> BillingOutcome {
        let attribution: PaymentAttribution
        switch try attributor.attribute(payment, tenant: tenant, at: event.occurredAt) {
        case .failure(let failure): return try await claim(eventKey, outcome: .ignored(reason: failure.rawValue))
        case .success(let found): attribution = found
        }
        let draft = try sale(payment, attribution, tenant: tenant, at: event.occurredAt)
        let recruiter = try attributor.ledger.recruiter(attribution.affiliate.recruitedBy, tenant: tenant, program: attribution.program)
        let program = attribution.program
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        return try await database.write { store, events in
            guard try store.insert(.indexes, eventKey, []) else { return .duplicate }
            // Another event (`invoice.payment_succeeded` after `invoice.paid`, a session after its invoice) reported it.
            guard try store.get(.indexes, ConversionKeys.payments(tenant).key(payment.paymentKey)) == nil else { return .duplicate }
            var sale = draft
            let aliasKey = ConversionKeys.earlyAliases(tenant).key(payment.paymentKey)
            let aliases = try store.get(.records, aliasKey).map { try RecordCoding.decode([String].self, from: $0) } ?? []
            try store.delete(.records, aliasKey)
            let paymentKeys = [payment.paymentKey] + payment.refundKeys + aliases
            if let subscriptionID = payment.subscriptionID {
                let key = ConversionKeys.subscriptions(tenant).key(subscriptionID)
                if var subscription = try store.get(.records, key).map({ try RecordCoding.decode(SubscriptionAttribution.self, from: $0) }),
                    let timelineID = subscription.timelineID
                {
                    subscription.renewals += 1
                    try store.put(.records, key, RecordCoding.encode(subscription))
                    sale.timelineID = timelineID
                    let ended = subscription.endedAt.map { $0 < event.occurredAt } ?? false
                    guard !ended,
                        CommissionEngine.renewalEarns(subscription.renewals, recurringMonths: program.recurringMonths, delay: program.recurringDelayInvoices)
                    else {
                        // Seen, so its other events are duplicates, but no row: nothing for a refund to reduce.
                        for paymentKey in paymentKeys { try store.put(.indexes, ConversionKeys.payments(tenant).key(paymentKey), []) }
                        if let first = try writes.load(timelineID, in: store) {
                            try writes.note(.renewalNotCommissioned, of: first, amount: sale.amount,
                                commission: Money(minorUnits: 0, currency: sale.commission.currency), at: sale.createdAt, in: store)
                        }
                        return .ignored(reason: ended ? "subscription_ended" : "recurring_limit_reached")
                    }
                    try writes.insert(sale, as: .renewal, in: store, events: &events)
                } else {
                    // The first payment, possibly after a free trial that already recorded the attribution.
                    var subscription = try store.get(.records, key).map { try RecordCoding.decode(SubscriptionAttribution.self, from: $0) }
                        ?? SubscriptionAttribution(attribution, renewals: 0)
                    subscription.timelineID = sale.id
                    try store.put(.records, key, RecordCoding.encode(subscription))
                    try writes.insert(sale, as: .initial, in: store, events: &events)
                }
            } else {
                try writes.insert(sale, as: .initial, in: store, events: &events)
            }
            if let customerID = payment.customerID {
                let customer = CustomerAttribution(affiliateID: sale.affiliateID, programID: sale.programID, clickID: sale.clickID, at: sale.createdAt)
                _ = try store.insert(.records, ConversionKeys.customers(tenant).key(customerID), RecordCoding.encode(customer))
            }
            for paymentKey in paymentKeys { try store.put(.indexes, ConversionKeys.payments(tenant).key(paymentKey), sale.id.bytes) }
            if let (recruiterID, percent) = recruiter {
                try writes.insertOverride(for: sale, recruiter: recruiterID, percentHundredths: percent, in: store, events: &events)
            }
            // A refund that arrived before its payment is applied the moment the payment is recorded.
            try applyEarlyRefunds(to: sale.id, keys: paymentKeys, at: sale.createdAt, writes: writes, in: store, events: &events)
            return .recorded
        }
    }

    /// A free trial: nothing earns yet, but the referral is kept for the subscription's first paid invoice.
    func start(_ trial: BillingPayment, of event: BillingEvent, eventKey: StoreKey, tenant: TenantID) async throws -> BillingOutcome {
        guard let subscriptionID = trial.subscriptionID else { return try await claim(eventKey, outcome: .ignored(reason: "nothing_paid")) }
        let attribution: PaymentAttribution
        switch try attributor.attribute(trial, tenant: tenant, at: event.occurredAt) {
        case .failure(let failure): return try await claim(eventKey, outcome: .ignored(reason: failure.rawValue))
        case .success(let found): attribution = found
        }
        return try await database.write { store, _ in
            guard try store.insert(.indexes, eventKey, []) else { return .duplicate }
            let subscription = SubscriptionAttribution(attribution, renewals: 0)
            _ = try store.insert(.records, ConversionKeys.subscriptions(tenant).key(subscriptionID), RecordCoding.encode(subscription))
            return .recorded
        }
    }

    /// The sale row as the attribution and the program's rule make it, before the write decides initial or renewal.
    private func sale(_ payment: BillingPayment, _ attribution: PaymentAttribution, tenant: TenantID, at: Date) throws -> Conversion {
        let home = try tenants.tenant(tenant)?.homeCurrency ?? .usd
        let program = attribution.program
        let rule = attribution.affiliate.commissionOverride ?? program.commission
        let type: ConversionType = payment.subscriptionID == nil ? .oneTime : .recurring
        var sale = Conversion(
            id: ids.next(), type: type, status: program.autoApprove ? .approved : .pending, programID: program.id,
            affiliateID: attribution.affiliate.id, amount: payment.amount,
            commission: CommissionEngine.commission(for: type, amount: payment.amount, rule: rule, model: program.commissionModel, homeCurrency: home),
            commissionRule: rule, source: .stripe, externalEventID: payment.paymentKey, customerID: payment.customerID,
            customerEmail: payment.customerEmail, createdAt: at)
        sale.subscriptionID = payment.subscriptionID
        sale.attributionMethod = attribution.method
        sale.couponCode = attribution.couponCode
        sale.clickID = attribution.clickID
        return sale
    }
}
