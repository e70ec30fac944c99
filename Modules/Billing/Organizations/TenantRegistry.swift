public import Contracts
import Foundation
public import Kernel

/// Creates, changes and finds tenants. Handles are unique across the deployment; each tenant gets the next tenant
/// number, which prefixes all of its keys.
public struct TenantRegistry: Sendable {
    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    private let decoded = DecodedRecordCache<Organization>()

    public init(database: Database, clock: any WallClock, ids: IDGenerator) {
        self.database = database
        self.clock = clock
        self.ids = ids
    }

    /// Creates a tenant; 409 `tenant_already_exists` when the handle is taken.
    public func create(handle rawHandle: String?, _ changes: OrganizationChanges) async throws -> Organization {
        guard let rawHandle else { throw DomainError.validation("handle", "handle is required") }
        let handle = try ProfileValidation.handle(rawHandle)
        guard changes.name.value != nil else { throw DomainError.validation("name", "name is required") }
        let now = clock.now()
        let id = ids.next(OrganizationTag.self)
        return try await database.write { store, _ in
            let handleKey = OrganizationKeys.byHandle.key(handle)
            guard try store.get(.indexes, handleKey) == nil else {
                throw DomainError.conflict("tenant_already_exists", "A tenant with handle '\(handle)' already exists", field: "handle")
            }
            let last = try store.get(.indexes, OrganizationKeys.sequence).flatMap { TenantID(leadingBytes: $0) }
            let tenant = TenantID(number: (last?.number ?? 0) + 1)!
            let tier = changes.planTier.value ?? .trial
            let status = changes.subscriptionStatus.value ?? (tier == .trial ? .trialing : .active)
            var org = Organization(
                id: id, tenant: tenant, handle: handle, name: "", billingEmail: nil, timezone: "UTC", primaryBrandColor: nil,
                logoUrl: nil, description: nil, whiteLabelEnabled: false, planTier: tier, subscriptionStatus: status,
                trialEndsAt: status == .trialing ? now.addingTimeInterval(14 * 86_400) : nil, billingInterval: nil,
                stripeCustomerId: nil, stripeSubscriptionId: nil, payoutGraceDays: min(30, tier.payoutGraceDaysMax),
                homeCurrency: .usd, homeCurrencyChangedAt: nil, createdAt: now, updatedAt: now)
            try changes.apply(to: &org, now: now)
            org.homeCurrencyChangedAt = nil  // the initial currency is a choice, not a change
            try store.put(.indexes, OrganizationKeys.sequence, tenant.bytes)
            try store.put(.indexes, handleKey, tenant.bytes)
            try store.put(.records, OrganizationKeys.profile(tenant), RecordCoding.encode(org))
            return org
        }
    }

    /// Applies an operator's changes; 404 for an unknown handle.
    public func update(handle: String, _ changes: OrganizationChanges) async throws -> Organization {
        let now = clock.now()
        return try await database.write { store, _ in
            guard let current = try organization(handle: handle, in: store) else { throw DomainError.notFound("Tenant") }
            var org = current
            try changes.apply(to: &org, now: now)
            var unchanged = org
            unchanged.updatedAt = current.updatedAt
            // Re-applying the same fields (a tenant file at every start) leaves the record as it was.
            guard try RecordCoding.encode(unchanged) != RecordCoding.encode(current) else { return current }
            try store.put(.records, OrganizationKeys.profile(org.tenant), RecordCoding.encode(org))
            return org
        }
    }

    public func organization(handle: String) throws -> Organization? {
        try database.read { store in try organization(handle: handle, in: store) }
    }

    public func organization(_ tenant: TenantID) throws -> Organization? {
        try database.read { store in try organization(tenant, in: store) }
    }

    /// Every tenant, in handle order.
    public func all() throws -> [Organization] {
        try database.read { store in
            var orgs: [Organization] = []
            try store.scan(.indexes, prefix: OrganizationKeys.byHandle.prefix) { _, value in
                if let tenant = TenantID(leadingBytes: value), let org = try organization(tenant, in: store) {
                    orgs.append(org)
                }
                return true
            }
            return orgs
        }
    }

    func organization(handle: String, in store: borrowing some StoreReader & ~Copyable) throws -> Organization? {
        guard let value = try store.get(.indexes, OrganizationKeys.byHandle.key(handle)),
            let tenant = TenantID(leadingBytes: value)
        else { return nil }
        return try organization(tenant, in: store)
    }

    func organization(_ tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> Organization? {
        try store.get(.records, OrganizationKeys.profile(tenant)).map(decoded.decode)
    }
}

extension TenantRegistry: TenantDirectory {
    public func tenant(handle: String) throws -> TenantSummary? {
        try organization(handle: handle).map(\.summary)
    }

    public func tenant(_ tenant: TenantID) throws -> TenantSummary? {
        try organization(tenant).map(\.summary)
    }
}
