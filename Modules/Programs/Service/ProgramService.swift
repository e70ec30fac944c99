public import Contracts
import Foundation
public import Kernel

/// Programs of a tenant: listing, creating, changing, archiving, and their sub-affiliate setting.
public struct ProgramService: Sendable {
    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    private let decoded = DecodedRecordCache<Program>()
    /// Every click and page visit names its program by id.
    private let summaries: SnapshotCache<ProgramID, ProgramSummary>

    public init(database: Database, clock: any WallClock, ids: IDGenerator) {
        self.database = database
        self.clock = clock
        self.ids = ids
        summaries = SnapshotCache(watching: ProgramKeys.summarySources, in: database.engine)
    }

    /// Newest first. Archived programs are left out unless asked for.
    public func list(_ tenant: TenantID, page: PageRequest, includeArchived: Bool = false) throws -> Page<Program> {
        try database.read { store in
            try store.page(.records, in: ProgramKeys.records(tenant), request: page) { value in
                let program = try decoded.decode(value)
                return includeArchived || program.archivedAt == nil ? program : nil
            }
        }
    }

    public func program(_ tenant: TenantID, _ id: ProgramID) throws -> Program? {
        try database.read { store in try program(tenant, id, in: store) }
    }

    /// The live program with this slug.
    public func program(_ tenant: TenantID, slug: String) throws -> Program? {
        try database.read { store in
            guard let id = try store.get(.indexes, ProgramKeys.slugs(tenant).key(slug)).flatMap(ProgramID.init(bytes:)) else { return nil }
            return try program(tenant, id, in: store)
        }
    }

    /// Creates a program. `name` and `defaultCommissionValue` are required; the slug defaults to one made from the
    /// name (numbered when taken); an explicit slug that is taken is a 409.
    public func create(_ tenant: TenantID, _ changes: ProgramChanges) async throws -> Program {
        let name = try FieldReader.required(changes.name, "name")
        _ = try FieldReader.required(changes.commissionHundredths, "defaultCommissionValue")
        let now = clock.now()
        var program = Program(
            id: ids.next(), name: name, slug: "", description: nil, termsUrl: nil, isActive: true,
            defaultCommissionType: .percentage, defaultCommissionHundredths: 0, defaultCommissionModel: .cps,
            cookieWindowDays: 30, recurringMonths: nil, recurringDelayInvoices: 0, attributionModel: .lastTouch,
            autoApprove: false, customDomain: nil, customDomainVerified: false, networkVisibility: .private,
            isPubliclyDiscoverable: true, websiteDomain: nil, maxAffiliates: nil, subAffiliate: .off, createdAt: now, updatedAt: now, archivedAt: nil)
        try changes.apply(to: &program)
        let draft = program
        return try await database.write { store, events in
            var program = draft
            if changes.slug.value == nil {
                program.slug = try Self.freeSlug(from: ProgramValidation.slug(fromName: name), tenant, in: store)
            }
            try Self.claim(program, previous: nil, tenant, in: store)
            try store.put(.indexes, ProgramKeys.owners.key(program.id), tenant.bytes)
            try store.put(.records, ProgramKeys.records(tenant).key(program.id), RecordCoding.encode(program))
            events.record(ProgramChanged(tenant: tenant, programID: program.id, change: .created, at: now))
            return program
        }
    }

    /// Applies a PATCH; only the keys sent change. An archived program cannot be changed (409).
    public func update(_ tenant: TenantID, _ id: ProgramID, _ changes: ProgramChanges) async throws -> Program {
        let now = clock.now()
        return try await database.write { store, events in
            let current = try existing(tenant, id, in: store)
            guard current.archivedAt == nil else {
                throw DomainError.conflict("program_archived", "An archived program cannot be changed")
            }
            var program = current
            try changes.apply(to: &program)
            program.updatedAt = now
            try Self.claim(program, previous: current, tenant, in: store)
            try store.put(.records, ProgramKeys.records(tenant).key(id), RecordCoding.encode(program))
            events.record(ProgramChanged(tenant: tenant, programID: id, change: .updated, at: now))
            return program
        }
    }

    /// Soft-deletes: sets `archivedAt` and frees the slug and custom domain. Archiving twice changes nothing.
    public func archive(_ tenant: TenantID, _ id: ProgramID) async throws {
        let now = clock.now()
        try await database.write { store, events in
            var program = try existing(tenant, id, in: store)
            guard program.archivedAt == nil else { return }
            try Self.release(program, tenant, in: store)
            program.archivedAt = now
            program.updatedAt = now
            try store.put(.records, ProgramKeys.records(tenant).key(id), RecordCoding.encode(program))
            events.record(ProgramChanged(tenant: tenant, programID: id, change: .archived, at: now))
        }
    }

    public func subAffiliateConfig(_ tenant: TenantID, _ id: ProgramID) throws -> SubAffiliateConfig {
        guard let program = try program(tenant, id) else { throw DomainError.notFound("Program") }
        return program.subAffiliate
    }

    /// Sets the sub-affiliate override.
    public func setSubAffiliateConfig(_ tenant: TenantID, _ id: ProgramID, _ change: SubAffiliateChange) async throws -> SubAffiliateConfig {
        let now = clock.now()
        return try await database.write { store, events in
            var program = try existing(tenant, id, in: store)
            program.subAffiliate = change.apply(to: program.subAffiliate)
            program.updatedAt = now
            try store.put(.records, ProgramKeys.records(tenant).key(id), RecordCoding.encode(program))
            events.record(
                SubAffiliateConfigChanged(
                    tenant: tenant, programID: id, enabled: program.subAffiliate.enabled,
                    percent: Double(program.subAffiliate.percentHundredths) / 100, at: now))
            return program.subAffiliate
        }
    }

    /// Marks the program's custom domain verified (or not); the operator does this once DNS points at Vouch.
    public func setCustomDomainVerified(_ tenant: TenantID, _ id: ProgramID, _ verified: Bool) async throws -> Program {
        let now = clock.now()
        return try await database.write { store, events in
            var program = try existing(tenant, id, in: store)
            guard program.customDomain != nil else {
                throw DomainError.conflict("custom_domain_missing", "The program has no custom domain to verify")
            }
            program.customDomainVerified = verified
            program.updatedAt = now
            try store.put(.records, ProgramKeys.records(tenant).key(id), RecordCoding.encode(program))
            events.record(ProgramChanged(tenant: tenant, programID: id, change: .updated, at: now))
            return program
        }
    }

    // MARK: Storage

    private func program(_ tenant: TenantID, _ id: ProgramID, in store: borrowing some StoreReader & ~Copyable) throws -> Program? {
        try store.get(.records, ProgramKeys.records(tenant).key(id)).map(decoded.decode)
    }

    private func existing(_ tenant: TenantID, _ id: ProgramID, in store: borrowing some StoreReader & ~Copyable) throws -> Program {
        guard let program = try program(tenant, id, in: store) else { throw DomainError.notFound("Program") }
        return program
    }

    /// Takes the program's slug and custom domain in the uniqueness indexes, giving up the previous ones.
    private static func claim(_ program: Program, previous: Program?, _ tenant: TenantID, in store: borrowing some StoreWriter & ~Copyable) throws {
        if program.slug != previous?.slug {
            guard try store.insert(.indexes, ProgramKeys.slugs(tenant).key(program.slug), program.id.bytes) else {
                throw DomainError.conflict("slug_already_taken", "Another program already uses the slug '\(program.slug)'", field: "slug")
            }
            if let old = previous?.slug { try store.delete(.indexes, ProgramKeys.slugs(tenant).key(old)) }
        }
        if program.customDomain != previous?.customDomain {
            if let domain = program.customDomain {
                guard try store.insert(.indexes, ProgramKeys.customDomains.key(domain), ProgramKeys.domainValue(tenant, program.id)) else {
                    throw DomainError.conflict("custom_domain_taken", "The custom domain '\(domain)' is already in use", field: "customDomain")
                }
            }
            if let old = previous?.customDomain { try store.delete(.indexes, ProgramKeys.customDomains.key(old)) }
        }
    }

    private static func release(_ program: Program, _ tenant: TenantID, in store: borrowing some StoreWriter & ~Copyable) throws {
        try store.delete(.indexes, ProgramKeys.slugs(tenant).key(program.slug))
        if let domain = program.customDomain { try store.delete(.indexes, ProgramKeys.customDomains.key(domain)) }
    }

    /// `base`, or `base-2`, `base-3`… whichever is free first.
    private static func freeSlug(from base: String, _ tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> String {
        var candidate = base
        var number = 1
        while try store.get(.indexes, ProgramKeys.slugs(tenant).key(candidate)) != nil {
            number += 1
            candidate = "\(base)-\(number)"
        }
        return candidate
    }
}

/// Campaigns in use: the tenant's live programs, counted from the slug index.
public struct ProgramUsageMeter: UsageMeter {
    let database: Database

    public init(database: Database) { self.database = database }

    public func current(for tenant: TenantID) throws -> Int64 {
        Int64(try database.read { store in try store.count(.indexes, prefix: ProgramKeys.slugs(tenant).prefix) })
    }
}

extension ProgramService: ProgramDirectory {
    public func programSummary(_ tenant: TenantID, _ id: ProgramID) throws -> ProgramSummary? {
        try program(tenant, id).map { $0.summary(tenant) }
    }

    public func programSummary(_ id: ProgramID) throws -> ProgramSummary? {
        try database.read { store in try programSummary(id, in: store) }
    }

    public func programSummary(_ id: ProgramID, in store: borrowing some StoreReader & ~Copyable) throws -> ProgramSummary? {
        try summaries.value(id, in: store.snapshot) {
            guard let tenant = try store.get(.indexes, ProgramKeys.owners.key(id)).flatMap({ TenantID(leadingBytes: $0) }) else { return nil }
            return try program(tenant, id, in: store)?.summary(tenant)
        }
    }

    public func programSummary(_ tenant: TenantID, slug: String) throws -> ProgramSummary? {
        try program(tenant, slug: slug)?.summary(tenant)
    }

    public func primaryProgram(_ tenant: TenantID) throws -> ProgramSummary? {
        if let named = try program(tenant, slug: "default"), named.isActive { return named.summary(tenant) }
        return try database.read { store in
            var oldest: Program?
            try store.scan(.records, prefix: ProgramKeys.records(tenant).prefix) { _, value in
                let program = try decoded.decode(value)
                if program.isActive, program.archivedAt == nil { oldest = program }
                return oldest == nil
            }
            return oldest?.summary(tenant)
        }
    }

    public func programSummary(verifiedDomain host: String) throws -> ProgramSummary? {
        try database.read { store in
            guard let value = try store.get(.indexes, ProgramKeys.customDomains.key(host.lowercased())),
                let tenant = TenantID(leadingBytes: value), let id = ProgramID(bytes: value.dropFirst(4)),
                let program = try program(tenant, id, in: store), program.customDomainVerified
            else { return nil }
            return program.summary(tenant)
        }
    }
}

extension Program {
    func summary(_ tenant: TenantID) -> ProgramSummary {
        ProgramSummary(
            tenant: tenant, id: id, name: name, slug: slug, description: description, termsUrl: termsUrl, isActive: isActive,
            isArchived: archivedAt != nil, autoApprove: autoApprove, maxAffiliates: maxAffiliates,
            commission: CommissionRule(type: defaultCommissionType, hundredths: defaultCommissionHundredths),
            commissionModel: defaultCommissionModel, attributionModel: attributionModel, cookieWindowDays: cookieWindowDays,
            websiteDomain: websiteDomain, recurringMonths: recurringMonths, recurringDelayInvoices: recurringDelayInvoices,
            subAffiliatePercentHundredths: subAffiliate.enabled ? subAffiliate.percentHundredths : nil)
    }
}
