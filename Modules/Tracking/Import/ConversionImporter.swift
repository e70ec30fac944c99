public import Contracts
import Foundation
public import Kernel

/// `POST /api/v1/conversions/import` and its preview: historical sales brought over from another platform, so
/// migrated affiliates keep their earnings and stats. Money safety: paid rows are settled history (Paid) and can
/// never be paid again; unpaid rows become payable (Approved) only with `confirmUnpaidPayout`, otherwise they are
/// locked history, Pending, that no review makes payable. Re-running an import skips the rows it already wrote.
public struct ConversionImporter: Sendable {
    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    let programs: any ProgramDirectory
    let affiliates: any AffiliateDirectory
    /// Shared by name with the roster import: one import per tenant at a time.
    let lock: TenantLock

    public init(database: Database, clock: any WallClock, ids: IDGenerator, programs: any ProgramDirectory, affiliates: any AffiliateDirectory) {
        self.database = database
        self.clock = clock
        self.ids = ids
        self.programs = programs
        self.affiliates = affiliates
        lock = TenantLock(name: "import", lease: 600, database: database, clock: clock)
    }

    /// What the import would write, writing nothing.
    public func preview(_ tenant: TenantID, _ request: ConversionImportRequest) throws -> JSONValue {
        let plan = try plan(tenant, request)
        func balance(_ totals: [Currency: (cents: Int64, count: Int)]) -> JSONValue {
            .array(
                totals.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                    .object([("currency", .string($0.key.rawValue)), ("commissionCents", .int($0.value.cents)), ("count", .int(Int64($0.value.count)))])
                })
        }
        return .object([
            ("rowsTotal", .int(Int64(request.rows.count))),
            ("wouldImport", .int(Int64(plan.count(\.isWrite)))),
            ("wouldSkip", .int(Int64(plan.count(\.isSkip)))),
            ("wouldError", .int(Int64(plan.count(\.isError)))),
            ("skipReasons", Self.json(plan.reasons)),
            ("paidBalance", balance(plan.paidBalance)),
            ("unpaidBalance", balance(plan.unpaidBalance)),
        ])
    }

    /// Writes the plan in one transaction, holding the tenant's import lock.
    public func run(_ tenant: TenantID, _ request: ConversionImportRequest) async throws -> JSONValue {
        let busy = DomainError.conflict("migration_already_in_progress", "Another import is running for this organization; retry when it finishes")
        return try await lock.withLock(tenant, busy: busy) {
            let plan = try plan(tenant, request)
            let job = ConversionImportJob(id: ids.next(), createdAt: clock.now(), total: request.rows.count)
            let drafts = plan.decisions.map { decision -> (Conversion, String)? in
                guard case .write(let row, let affiliate, let key) = decision else { return nil }
                return (conversion(row, affiliate: affiliate, program: request.programID, confirm: request.confirmUnpaidPayout), key)
            }
            let writes = LedgerWrites(tenant: tenant, ids: ids)
            let finished = try await database.write { store, events in
                var job = job
                for (draft, decision) in zip(drafts, plan.decisions) {
                    guard let (conversion, key) = draft else {
                        if case .skip(let reason) = decision { job.tally(reason, errored: false) }
                        if case .error(let reason) = decision { job.tally(reason, errored: true) }
                        continue
                    }
                    guard try store.insert(.indexes, ConversionKeys.importedRows(tenant).key(key), conversion.id.bytes) else {
                        job.tally("already_imported", errored: false)
                        continue
                    }
                    try write(conversion, writes: writes, in: store, events: &events)
                    job.record(conversion)
                }
                try store.put(.records, ConversionKeys.importJobs(tenant).key(job.id), RecordCoding.encode(job))
                return job
            }
            return finished.json(confirmUnpaidPayout: request.confirmUnpaidPayout, excludePaid: request.excludePaid)
        }
    }

    private func plan(_ tenant: TenantID, _ request: ConversionImportRequest) throws -> ConversionImportPlan {
        guard try programs.programSummary(tenant, request.programID) != nil else {
            throw DomainError(.notFound, "program_not_found", "Program not found", field: "programId")
        }
        let owners = try request.rows.map { try affiliate(of: $0, tenant: tenant, program: request.programID) }
        let imported = try database.read { store in
            try Set<String>(
                zip(request.rows, owners).compactMap { row, owner -> String? in
                    guard let owner else { return nil }
                    let key = row.dedupeKey(affiliate: owner)
                    return try store.get(.indexes, ConversionKeys.importedRows(tenant).key(key)) == nil ? nil : key
                })
        }
        var seen = Set<String>()
        let decisions = zip(request.rows, owners).map { row, owner -> ConversionImportPlan.Decision in
            guard let owner else { return .error(reason: "affiliate_not_found") }
            if request.excludePaid && row.paid { return .skip(reason: "excluded_paid") }
            let key = row.dedupeKey(affiliate: owner)
            guard !imported.contains(key), seen.insert(key).inserted else { return .skip(reason: "already_imported") }
            return .write(row, affiliate: owner, dedupeKey: key)
        }
        return ConversionImportPlan(decisions: decisions)
    }

    /// The row's affiliate on the program: by slug (a referral code), else by email.
    private func affiliate(of row: ConversionImportRow, tenant: TenantID, program: ProgramID) throws -> AffiliateID? {
        if let slug = row.affiliateSlug, let target = try affiliates.referral(code: slug), target.tenant == tenant, target.programID == program {
            return target.affiliateID
        }
        guard let email = row.affiliateEmail else { return nil }
        return try affiliates.affiliateSummary(tenant, program: program, email: email)?.id
    }

    private func conversion(_ row: ConversionImportRow, affiliate: AffiliateID, program: ProgramID, confirm: Bool) -> Conversion {
        let status: ConversionStatus = row.paid ? .paid : confirm ? .approved : .pending
        var conversion = Conversion(
            id: ids.next(), type: row.type, status: status, programID: program, affiliateID: affiliate, amount: row.amount, commission: row.commission,
            commissionRule: CommissionRule(type: .fixed, hundredths: row.commission.minorUnits), source: .import, externalEventID: row.externalID,
            customerID: row.stripeCustomerID, customerEmail: row.customerEmail, customerName: row.customerName, createdAt: row.occurredAt)
        conversion.subscriptionID = row.stripeSubscriptionID
        conversion.attributionMethod = .import
        conversion.paidCommission = row.paid ? row.commission : nil
        return conversion
    }

    /// The row, its timeline, and (with Stripe ids) the attribution that lets future renewals re-credit the affiliate.
    private func write(
        _ conversion: Conversion, writes: LedgerWrites, in store: borrowing some StoreWriter & ~Copyable, events: inout EventLog
    ) throws {
        try writes.insert(conversion, as: .initial, in: store, events: &events)
        if conversion.status == .paid {
            try writes.note(.paid, of: conversion, amount: Money(minorUnits: 0, currency: conversion.amount.currency), commission: conversion.commission,
                at: conversion.createdAt, in: store)
        }
        if let subscriptionID = conversion.subscriptionID {
            let subscription = SubscriptionAttribution(
                affiliateID: conversion.affiliateID, programID: conversion.programID, timelineID: conversion.id, method: .import, couponCode: nil,
                clickID: nil, renewals: 0, endedAt: nil)
            _ = try store.insert(.records, ConversionKeys.subscriptions(writes.tenant).key(subscriptionID), RecordCoding.encode(subscription))
        }
        if let customerID = conversion.customerID {
            let customer = CustomerAttribution(affiliateID: conversion.affiliateID, programID: conversion.programID, clickID: nil, at: conversion.createdAt)
            _ = try store.insert(.records, ConversionKeys.customers(writes.tenant).key(customerID), RecordCoding.encode(customer))
        }
    }

    static func json(_ reasons: [String: Int]) -> JSONValue {
        .object(reasons.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })
    }
}
