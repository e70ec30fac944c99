public import Contracts
import Foundation
public import Kernel

/// A tenant's affiliates: the roster, links and codes, status changes and bulk actions.
public struct AffiliateService: Sendable {
    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    let programs: any ProgramDirectory
    /// One import per tenant at a time, shared with every importer (the spec's `migration_already_in_progress`).
    let importLock: TenantLock
    private let decoded = DecodedRecordCache<Affiliate>()
    /// Every click looks its referral code up. Room for a large program's every code: a cache that fills starts over.
    let referrals: SnapshotCache<String, ReferralTarget>

    public init(database: Database, clock: any WallClock, ids: IDGenerator, programs: any ProgramDirectory) {
        self.database = database
        self.clock = clock
        self.ids = ids
        self.programs = programs
        importLock = TenantLock(name: "import", lease: 600, database: database, clock: clock)
        referrals = SnapshotCache(watching: AffiliateKeys.referralSources, in: database.engine, capacity: 100_000)
    }

    /// Newest first.
    public func list(_ tenant: TenantID, page: PageRequest, filter: AffiliateFilter) throws -> Page<Affiliate> {
        try database.read { store in
            try store.page(.records, in: AffiliateKeys.records(tenant), request: page) { value in
                let affiliate = try decoded.decode(value)
                return filter.matches(affiliate) ? affiliate : nil
            }
        }
    }

    /// The affiliate, unless it is another tenant's, unknown or deleted.
    public func affiliate(_ tenant: TenantID, _ id: AffiliateID) throws -> Affiliate? {
        try database.read { store in try affiliate(tenant, id, in: store) }
    }

    /// Adds an affiliate on the admin path with a default link. 404 `program_not_found` for a program outside the
    /// tenant; 409 `affiliate_already_exists` when the email is on the program's roster; 409 `alias_already_taken`.
    public func create(_ tenant: TenantID, _ input: NewAffiliate) async throws -> Affiliate {
        guard let program = try programs.programSummary(tenant, input.programID), !program.isArchived else {
            throw DomainError(.notFound, "program_not_found", "Program not found", field: "programId")
        }
        let now = clock.now()
        let draft = Affiliate(
            id: ids.next(), programID: program.id, email: input.email, fullName: input.fullName, status: input.status,
            customCommissionType: input.customCommission.0, customCommissionHundredths: input.customCommission.1, tags: [], notes: nil,
            source: .direct, appliedAt: nil, approvedAt: input.status == .approved ? now : nil, rejectionReason: nil, application: nil,
            recruitedBy: nil, links: [], createdAt: now, updatedAt: now, deletedAt: nil)
        let linkID: AffiliateLinkID = ids.next()
        return try await database.write { store, events in
            guard let affiliate = try enroll(draft, linkID: linkID, alias: input.customAlias, tenant, in: store, events: &events) else {
                throw DomainError.conflict("affiliate_already_exists", "An affiliate with this email is already on the program", field: "email")
            }
            return affiliate
        }
    }

    /// Applies a PATCH. A status change must make sense (409 `invalid_status_transition` otherwise).
    public func update(_ tenant: TenantID, _ id: AffiliateID, _ changes: AffiliateChanges) async throws -> Affiliate {
        let now = clock.now()
        return try await change(tenant, id) { affiliate, events in
            affiliate.fullName = changes.fullName.resolved(current: affiliate.fullName)
            (affiliate.customCommissionType, affiliate.customCommissionHundredths) = try CustomCommission.resolve(
                type: changes.commissionType, hundredths: changes.commissionHundredths,
                current: (affiliate.customCommissionType, affiliate.customCommissionHundredths))
            affiliate.notes = changes.notes.resolved(current: affiliate.notes)
            affiliate.tags = changes.tags.resolved(current: affiliate.tags) ?? []
            if let status = changes.status.value {
                try Self.move(&affiliate, to: status, at: now, tenant: tenant, events: &events)
            }
        }
    }

    /// Approves an application (Pending, Rejected or Paused). Approving an Approved affiliate changes nothing.
    public func approve(_ tenant: TenantID, _ id: AffiliateID) async throws -> Affiliate {
        let now = clock.now()
        return try await change(tenant, id) { affiliate, events in
            try Self.move(&affiliate, to: .approved, at: now, tenant: tenant, events: &events)
        }
    }

    /// Rejects a Pending application, keeping the reason for the brand.
    public func reject(_ tenant: TenantID, _ id: AffiliateID, reason: String?) async throws -> Affiliate {
        let now = clock.now()
        return try await change(tenant, id) { affiliate, events in
            try Self.move(&affiliate, to: .rejected, at: now, tenant: tenant, events: &events)
            affiliate.rejectionReason = reason ?? affiliate.rejectionReason
        }
    }

    /// Applies `action` to each of `ids` in one transaction. Ids outside the tenant, unknown, deleted or not in a
    /// state the action applies to are left alone and not counted.
    public func bulk(_ tenant: TenantID, _ ids: [AffiliateID], _ action: BulkAction) async throws -> Int {
        let now = clock.now()
        return try await database.write { store, events in
            var affected = 0
            for id in Set(ids) {
                guard var affiliate = try affiliate(tenant, id, in: store), action.applies(to: affiliate.status) else { continue }
                switch action {
                case .approve: try Self.move(&affiliate, to: .approved, at: now, tenant: tenant, events: &events)
                case .pause: try Self.move(&affiliate, to: .paused, at: now, tenant: tenant, events: &events)
                case .delete:
                    affiliate.deletedAt = now
                    try store.delete(.indexes, AffiliateKeys.email(tenant, affiliate.programID, affiliate.email))
                }
                affiliate.updatedAt = now
                try store.put(.records, AffiliateKeys.records(tenant).key(id), RecordCoding.encode(affiliate))
                affected += 1
            }
            return affected
        }
    }

    /// The affiliates `recruiter` brought in, in the order they joined; 404 when the recruiter is not the tenant's.
    public func recruits(_ tenant: TenantID, of recruiter: AffiliateID) throws -> [Affiliate] {
        try database.read { store in
            guard try affiliate(tenant, recruiter, in: store) != nil else { throw DomainError.notFound("Affiliate") }
            var recruits: [Affiliate] = []
            let prefix = AffiliateKeys.recruits(tenant).key(recruiter)
            try store.scan(.indexes, prefix: prefix) { key, _ in
                if let id = AffiliateID(bytes: key.suffix(after: prefix)), let recruit = try affiliate(tenant, id, in: store) {
                    recruits.append(recruit)
                }
                return true
            }
            return recruits
        }
    }

    // MARK: Storage

    func affiliate(_ tenant: TenantID, _ id: AffiliateID, in store: borrowing some StoreReader & ~Copyable) throws -> Affiliate? {
        try stored(tenant, id, in: store).flatMap { $0.deletedAt == nil ? $0 : nil }
    }

    /// The affiliate's record, deleted or not.
    func stored(_ tenant: TenantID, _ id: AffiliateID, in store: borrowing some StoreReader & ~Copyable) throws -> Affiliate? {
        try store.get(.records, AffiliateKeys.records(tenant).key(id)).map(decoded.decode)
    }

    /// Loads, changes and stores one affiliate in one write; 404 when it is not the tenant's.
    private func change(
        _ tenant: TenantID, _ id: AffiliateID, _ body: @escaping @Sendable (inout Affiliate, inout EventLog) throws -> Void
    ) async throws -> Affiliate {
        let now = clock.now()
        return try await database.write { store, events in
            guard var affiliate = try affiliate(tenant, id, in: store) else { throw DomainError.notFound("Affiliate") }
            try body(&affiliate, &events)
            affiliate.updatedAt = now
            try store.put(.records, AffiliateKeys.records(tenant).key(id), RecordCoding.encode(affiliate))
            return affiliate
        }
    }

    private static func move(
        _ affiliate: inout Affiliate, to status: AffiliateStatus, at now: Date, tenant: TenantID, events: inout EventLog
    ) throws(DomainError) {
        try StatusTransition.check(from: affiliate.status, to: status)
        guard affiliate.status != status else { return }
        affiliate.status = status
        if status == .approved {
            affiliate.approvedAt = affiliate.approvedAt ?? now
            events.record(AffiliateApproved(tenant: tenant, affiliateID: affiliate.id, programID: affiliate.programID, at: now))
        }
    }

    /// The one path that puts an affiliate on a roster: claims the email on the program (`nil` when it is already
    /// there), makes the default link (keeping `preferredSlug` when it is free, as imports want), claims its codes,
    /// stores the record and records the events.
    func enroll(
        _ draft: Affiliate, linkID: AffiliateLinkID, alias: String?, preferredSlug: String? = nil, _ tenant: TenantID,
        in store: borrowing some StoreWriter & ~Copyable, events: inout EventLog
    ) throws -> Affiliate? {
        var affiliate = draft
        guard try store.insert(.indexes, AffiliateKeys.email(tenant, affiliate.programID, affiliate.email), affiliate.id.bytes) else { return nil }
        let slug: String
        if let preferredSlug, try store.get(.indexes, AffiliateKeys.codes.key(preferredSlug)) == nil {
            slug = preferredSlug
        } else {
            slug = try freeGeneratedCode(name: affiliate.fullName, email: affiliate.email, in: store)
        }
        let link = AffiliateLink(id: linkID, slug: slug, customAlias: alias, isDefault: true, format: .short, createdAt: affiliate.createdAt)
        try claimCodes(of: link, for: affiliate.id, tenant, in: store)
        affiliate.links = [link]
        try store.put(.records, AffiliateKeys.records(tenant).key(affiliate.id), RecordCoding.encode(affiliate))
        if let recruiter = affiliate.recruitedBy { try store.put(.indexes, AffiliateKeys.recruits(tenant).key(recruiter, affiliate.id), []) }
        events.record(AffiliateCreated(tenant: tenant, affiliateID: affiliate.id, programID: affiliate.programID, at: affiliate.createdAt))
        if affiliate.status == .approved {
            events.record(AffiliateApproved(tenant: tenant, affiliateID: affiliate.id, programID: affiliate.programID, at: affiliate.createdAt))
        }
        return affiliate
    }

    private func claimCodes(
        of link: AffiliateLink, for affiliate: AffiliateID, _ tenant: TenantID, in store: borrowing some StoreWriter & ~Copyable
    ) throws {
        for code in link.codes {
            guard try store.insert(.indexes, AffiliateKeys.codes.key(code), AffiliateKeys.codeValue(tenant, affiliate, link.id)) else {
                throw DomainError.conflict("alias_already_taken", "The code '\(code)' is already taken", field: "customAlias")
            }
        }
    }

    private func freeGeneratedCode(name: String?, email: String, in store: borrowing some StoreReader & ~Copyable) throws -> String {
        while true {
            let code = ReferralCode.generate(name: name, email: email)
            if try store.get(.indexes, AffiliateKeys.codes.key(code)) == nil { return code }
        }
    }
}

/// The actions of `POST /api/v1/affiliates/bulk-action`.
public enum BulkAction: String, Sendable, CaseIterable {
    case approve, pause, delete

    func applies(to status: AffiliateStatus) -> Bool {
        switch self {
        case .approve: [.pending, .paused, .rejected].contains(status)
        case .pause: status == .approved
        case .delete: true
        }
    }
}
