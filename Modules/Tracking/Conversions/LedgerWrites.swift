import Contracts
import Foundation
import Kernel

/// The writes every path into the ledger shares (S2S, Stripe, import, clicks), made inside one writer transaction:
/// a row with its timeline entry and event, a recruiter's override, a refund with its clawback.
struct LedgerWrites {
    let tenant: TenantID
    let ids: IDGenerator

    func load(_ id: ConversionID, in store: borrowing some StoreReader & ~Copyable) throws -> Conversion? {
        try store.get(.records, ConversionKeys.conversions(tenant).key(id)).map(ConversionCoding.decode)
    }

    func save(_ conversion: Conversion, in store: borrowing some StoreWriter & ~Copyable) throws {
        try store.put(.records, ConversionKeys.conversions(tenant).key(conversion.id), ConversionCoding.encode(conversion))
    }

    /// Stores a row the ledger has not held before, indexed under its affiliate.
    func add(_ conversion: Conversion, in store: borrowing some StoreWriter & ~Copyable) throws {
        try save(conversion, in: store)
        try store.put(.indexes, ConversionKeys.byAffiliate(tenant).key(conversion.affiliateID, conversion.id), conversion.id.bytes)
    }

    /// Stores a new sale or reward row, its first timeline entry and `conversion.created`.
    func insert(
        _ conversion: Conversion, as kind: ConversionEvent.Kind, in store: borrowing some StoreWriter & ~Copyable, events: inout EventLog
    ) throws {
        try add(conversion, in: store)
        try note(kind, of: conversion, amount: conversion.amount, commission: conversion.commission, at: conversion.createdAt, in: store)
        let click = try conversion.clickID.flatMap { id in
            try store.get(.records, ClickKeys.clicks(tenant).key(id)).map { try ClickCoding.decode($0, id: id) }
        }
        events.record(conversion.recorded(tenant, click: click))
    }

    /// Adds an entry to the timeline the conversion belongs to.
    func note(
        _ kind: ConversionEvent.Kind, of conversion: Conversion, amount: Money, commission: Money, at: Date,
        in store: borrowing some StoreWriter & ~Copyable
    ) throws {
        let entry = ConversionEvent(id: ids.next(ConversionEventTag.self), conversionID: conversion.id, kind: kind, amount: amount, commission: commission, occurredAt: at)
        try store.put(.records, ConversionKeys.timeline(tenant).key(conversion.timeline, entry.id), ConversionEventCoding.encode(entry))
    }

    /// The recruiter's share of a recruit's sale, as its own row pointing at the sale (`amountCents` 0).
    func insertOverride(
        for sale: Conversion, recruiter: AffiliateID, percentHundredths: Int64, in store: borrowing some StoreWriter & ~Copyable,
        events: inout EventLog
    ) throws {
        let commission = CommissionEngine.override(of: sale.commission, percentHundredths: percentHundredths)
        guard commission.minorUnits > 0 else { return }
        var share = Conversion(
            id: ids.next(), type: sale.type, status: sale.status, programID: sale.programID, affiliateID: recruiter,
            amount: Money(minorUnits: 0, currency: sale.amount.currency), commission: commission,
            commissionRule: CommissionRule(type: .percentage, hundredths: percentHundredths), source: .subAffiliate,
            customerID: sale.customerID, createdAt: sale.createdAt)
        share.attributionMethod = .subAffiliateOverride
        share.parentConversionID = sale.id
        share.subscriptionID = sale.subscriptionID
        try store.put(.indexes, ConversionKeys.overrides(tenant).key(sale.id), share.id.bytes)
        try insert(share, as: .initial, in: store, events: &events)
    }

    /// Brings a sale to a cumulative refunded total, with its override. A total at or below what is recorded changes
    /// nothing, so replays and reordered events converge. `false` when nothing changed.
    @discardableResult
    func refund(
        _ id: ConversionID, toTotal total: Money, at: Date, in store: borrowing some StoreWriter & ~Copyable, events: inout EventLog
    ) throws -> Bool {
        guard var sale = try load(id, in: store), total.currency == sale.amount.currency,
            total.minorUnits > (sale.refunded?.minorUnits ?? 0)
        else { return false }
        let previous = sale.refunded ?? Money(minorUnits: 0, currency: total.currency)
        let refunded = Money(minorUnits: min(total.minorUnits, sale.amount.minorUnits), currency: total.currency)
        sale.refunded = refunded
        let newCommission = CommissionEngine.afterRefund(original: sale.commissionAtSale ?? sale.commission, sale: sale.amount, refunded: refunded)
        let refundedNow = Money(minorUnits: refunded.minorUnits - previous.minorUnits, currency: total.currency)
        try takeBack(&sale, to: newCommission, refundedNow: refundedNow, isFull: refunded == sale.amount, at: at, in: store, events: &events)
        if let bytes = try store.get(.indexes, ConversionKeys.overrides(tenant).key(id)), let shareID = ConversionID(bytes: bytes),
            var share = try load(shareID, in: store)
        {
            let shareCommission = CommissionEngine.override(of: newCommission, percentHundredths: share.commissionRule.hundredths)
            try takeBack(&share, to: shareCommission, refundedNow: Money(minorUnits: 0, currency: total.currency), isFull: refunded == sale.amount,
                at: at, in: store, events: &events)
        }
        return true
    }

    /// Lowers a row's commission after a refund. Commission already paid out is recorded as a clawback instead of
    /// vanishing, so the next payout nets it out.
    private func takeBack(
        _ conversion: inout Conversion, to newCommission: Money, refundedNow: Money, isFull: Bool, at: Date,
        in store: borrowing some StoreWriter & ~Copyable, events: inout EventLog
    ) throws {
        let before = conversion.commission
        let taken = Money(minorUnits: before.minorUnits - newCommission.minorUnits, currency: before.currency)
        conversion.commission = newCommission
        try note(.refund, of: conversion, amount: refundedNow, commission: Money(minorUnits: -taken.minorUnits, currency: taken.currency), at: at, in: store)
        var clawback = Money(minorUnits: 0, currency: before.currency)
        if conversion.status == .paid, taken.minorUnits > 0 {
            clawback = taken
            let record = Clawback(id: ids.next(), conversionID: conversion.id, affiliateID: conversion.affiliateID, amount: taken, createdAt: at)
            try store.put(.records, ConversionKeys.clawbacks(tenant).key(conversion.affiliateID, record.id), RecordCoding.encode(record))
            try note(.clawback, of: conversion, amount: Money(minorUnits: 0, currency: refundedNow.currency), commission: taken, at: at, in: store)
        }
        if isFull {
            conversion.status = .refunded
            conversion.refundedAt = conversion.refundedAt ?? at
        }
        try save(conversion, in: store)
        events.record(
            ConversionRefunded(
                tenant: tenant, conversionID: conversion.id, affiliateID: conversion.affiliateID, refundedTotal: conversion.refunded ?? refundedNow,
                refundedNow: refundedNow, commissionBefore: before, commissionAfter: newCommission, clawback: clawback, isFull: isFull, at: at))
    }
}
