public import Contracts
import Foundation
public import Kernel

extension ConversionLedger {
    /// The brand's review of a conversion: Pending or Denied can be approved, Pending or Approved denied. 409
    /// `conversion_not_reviewable` for the rest: Paid and Refunded are settled, an unpaid row imported without
    /// `confirmUnpaidPayout` is locked history (spec), and a recruiter's override follows its sale.
    public func review(_ tenant: TenantID, _ id: ConversionID, to status: ConversionStatus) async throws -> Conversion {
        precondition(status == .approved || status == .denied, "a review approves or denies")
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        let now = clock.now()
        return try await database.write { store, events in
            guard var conversion = try writes.load(id, in: store) else { throw DomainError.notFound("Conversion") }
            guard conversion.parentConversionID == nil else {
                throw DomainError.conflict("conversion_not_reviewable", "A recruiter's override follows its sale: review the sale")
            }
            guard conversion.status != status else { return conversion }
            guard [.pending, .approved, .denied].contains(conversion.status) else {
                throw DomainError.conflict("conversion_not_reviewable", "A \(conversion.status.rawValue) conversion cannot be \(status.rawValue.lowercased())")
            }
            guard !(conversion.source == .import && conversion.status == .pending) else {
                throw DomainError.conflict(
                    "conversion_not_reviewable", "Imported unpaid history is locked; it becomes payable only when imported with confirmUnpaidPayout")
            }
            try move(&conversion, to: status, at: now, writes: writes, in: store, events: &events)
            if let bytes = try store.get(.indexes, ConversionKeys.overrides(tenant).key(id)), let shareID = ConversionID(bytes: bytes),
                var share = try writes.load(shareID, in: store)
            {
                try move(&share, to: status, at: now, writes: writes, in: store, events: &events)
            }
            return conversion
        }
    }

    private func move(
        _ conversion: inout Conversion, to status: ConversionStatus, at now: Date, writes: LedgerWrites,
        in store: borrowing some StoreWriter & ~Copyable, events: inout EventLog
    ) throws {
        let from = conversion.status
        conversion.status = status
        try writes.save(conversion, in: store)
        try writes.note(status == .approved ? .approved : .denied, of: conversion, amount: Money(minorUnits: 0, currency: conversion.amount.currency),
            commission: Money(minorUnits: 0, currency: conversion.commission.currency), at: now, in: store)
        func review<Verdict>(_: Verdict.Type) -> ConversionReviewed<Verdict> {
            ConversionReviewed(tenant: writes.tenant, conversionID: conversion.id, affiliateID: conversion.affiliateID, from: from, commission: conversion.commission, at: now)
        }
        events.record(status == .approved ? review(Approval.self) : review(Denial.self))
    }
}
