public import Contracts
import Foundation
public import Kernel

/// Records sales and leads reported by the brand (S2S, the lead API, the loader) against the affiliate whose code
/// they name. Each write checks the replay guard and the dedupe indexes in the same transaction as the row, so
/// concurrent retries can never record a conversion twice.
public struct ConversionLedger: Sendable {
    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    let programs: any ProgramDirectory
    let affiliates: any AffiliateDirectory
    let tenants: any TenantDirectory

    public init(
        database: Database, clock: any WallClock, ids: IDGenerator, programs: any ProgramDirectory, affiliates: any AffiliateDirectory,
        tenants: any TenantDirectory
    ) {
        self.database = database
        self.clock = clock
        self.ids = ids
        self.programs = programs
        self.affiliates = affiliates
        self.tenants = tenants
    }

    /// A sale from `POST /api/tracking/s2s`: a conversion with its commission (and the recruiter's override).
    public func recordSale(_ tenant: TenantID, _ sale: SaleReport, signature: VerifiedSignature) async throws -> LedgerEntry {
        let (target, program) = try earningAffiliate(tenant, code: sale.affiliateSlug, field: "affiliateSlug")
        let conversion = try conversion(
            .oneTime, target, program, amount: sale.amount, source: .serverToServer, externalEventID: sale.externalEventID,
            customerID: sale.customerID, email: sale.customerEmail, name: nil)
        let recruiter = try recruiter(target.recruitedBy, tenant: tenant, program: program)
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        let now = unixNow
        return try await database.write { store, events in
            try ReplayGuard.claim(signature, tenant: tenant, now: now, in: store)
            let eventKey = ConversionKeys.saleEvents(tenant).key(sale.externalEventID)
            guard try store.insert(.indexes, eventKey, conversion.id.bytes) else { return .deduplicated }
            try writes.insert(conversion, as: .initial, in: store, events: &events)
            if let (recruiterID, percent) = recruiter {
                try writes.insertOverride(for: conversion, recruiter: recruiterID, percentHundredths: percent, in: store, events: &events)
            }
            return .recorded(conversion.id)
        }
    }

    /// A lead from `POST /api/tracking/lead` (signed) or the loader. The first lead of an email keeps it: a later
    /// lead of the same email is a duplicate, so no affiliate can take over another's signup.
    public func recordLead(_ tenant: TenantID, _ lead: LeadReport, source: ConversionSource, signature: VerifiedSignature?) async throws -> LedgerEntry {
        let (target, program) = try earningAffiliate(tenant, code: lead.affiliateSlug, field: source == .browser ? "slug" : "affiliateSlug")
        if let wanted = lead.programID, wanted != program.id {
            throw DomainError(.notFound, "affiliate_not_found", "No affiliate with that code in this program", field: "programId")
        }
        let conversion = try conversion(
            .leadReward, target, program, amount: nil, source: source, externalEventID: lead.externalEventID, customerID: nil,
            email: lead.email, name: lead.name)
        let event = LeadRecorded(
            tenant: tenant, conversionID: conversion.id, programID: program.id, affiliateID: target.affiliateID, commission: conversion.commission,
            status: conversion.status, at: conversion.createdAt)
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        let now = unixNow
        return try await database.write { store, events in
            if let signature { try ReplayGuard.claim(signature, tenant: tenant, now: now, in: store) }
            if let external = lead.externalEventID, try store.get(.indexes, ConversionKeys.leadEvents(tenant).key(external)) != nil {
                return .deduplicated
            }
            guard try store.insert(.indexes, ConversionKeys.leadEmails(tenant).key(lead.email), conversion.id.bytes) else { return .deduplicated }
            if let external = lead.externalEventID {
                try store.put(.indexes, ConversionKeys.leadEvents(tenant).key(external), conversion.id.bytes)
            }
            try writes.add(conversion, in: store)
            try writes.note(.initial, of: conversion, amount: conversion.amount, commission: conversion.commission, at: conversion.createdAt, in: store)
            events.record(event)
            return .recorded(conversion.id)
        }
    }

    /// A lead from the loader, whose tenant is the code's. It must come from the program's website, like a click:
    /// otherwise anyone could claim customers' emails for an affiliate ahead of their sales.
    public func recordBrowserLead(_ lead: LeadReport, origin: String?, referer: String?) async throws -> LedgerEntry? {
        guard let target = try affiliates.referral(code: lead.affiliateSlug),
            let program = try programs.programSummary(target.tenant, target.programID)
        else { return nil }
        try OriginPolicy.requireAllowed(origin: origin, referer: referer, program: program)
        return try await recordLead(target.tenant, lead, source: .browser, signature: nil)
    }

    public func conversion(_ tenant: TenantID, _ id: ConversionID) throws -> Conversion? {
        try database.read { store in
            try store.get(.records, ConversionKeys.conversions(tenant).key(id)).map(ConversionCoding.decode)
        }
    }

    /// The conversion an email's first lead recorded: what a later sale without a click is matched by.
    public func lead(_ tenant: TenantID, email: String) throws -> Conversion? {
        let id = try database.read { store in try store.get(.indexes, ConversionKeys.leadEmails(tenant).key(email.lowercased())) }
        return try id.flatMap { ConversionID(bytes: $0) }.flatMap { try conversion(tenant, $0) }
    }

    /// The affiliate a code names in this tenant, when it may earn: Approved, on an open program.
    private func earningAffiliate(_ tenant: TenantID, code: String, field: String) throws -> (ReferralTarget, ProgramSummary) {
        guard let target = try affiliates.referral(code: code), target.tenant == tenant,
            let program = try programs.programSummary(tenant, target.programID)
        else { throw DomainError(.notFound, "affiliate_not_found", "No affiliate with that code", field: field) }
        guard target.status == .approved else {
            throw DomainError(.conflict, "affiliate_not_approved", "The affiliate is \(target.status.rawValue), not Approved", field: field)
        }
        guard program.isOpen else { throw DomainError(.conflict, "program_inactive", "The affiliate's program is not active", field: field) }
        return (target, program)
    }

    private func conversion(
        _ type: ConversionType, _ target: ReferralTarget, _ program: ProgramSummary, amount sale: Money?, source: ConversionSource,
        externalEventID: String?, customerID: String?, email: String?, name: String?
    ) throws -> Conversion {
        let home = try tenants.tenant(program.tenant)?.homeCurrency ?? .usd
        // A lead has no sale: its amount is zero in the home currency.
        let amount = sale ?? Money(minorUnits: 0, currency: home)
        let rule = target.commissionOverride ?? program.commission
        let commission = CommissionEngine.commission(for: type, amount: amount, rule: rule, model: program.commissionModel, homeCurrency: home)
        return Conversion(
            id: ids.next(), type: type, status: program.autoApprove ? .approved : .pending, programID: program.id, affiliateID: target.affiliateID, amount: amount,
            commission: commission, commissionRule: rule, source: source, externalEventID: externalEventID, customerID: customerID,
            customerEmail: email, customerName: name, createdAt: clock.now())
    }

    /// The recruiter who earns an override on a sale of the affiliate they recruited, with the program's percent: only
    /// when the program has recruiting on and the recruiter is Approved. One tier: the recruiter's own recruiter gets
    /// nothing.
    func recruiter(_ recruiterID: AffiliateID?, tenant: TenantID, program: ProgramSummary) throws -> (AffiliateID, Int64)? {
        guard let percent = program.subAffiliatePercentHundredths, percent > 0, let recruiterID,
            try affiliates.affiliateSummary(tenant, recruiterID)?.status == .approved
        else { return nil }
        return (recruiterID, percent)
    }

    private var unixNow: UInt64 { UInt64(max(0, clock.now().timeIntervalSince1970)) }
}
