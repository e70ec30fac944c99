import Contracts
public import Kernel

/// The currency a brand's dashboards are normalized to. Changing it is a Pro feature; conversions keep their own
/// currency either way.
public struct HomeCurrencyService: Sendable {
    let database: Database
    let clock: any WallClock
    let tenants: TenantRegistry

    public init(database: Database, clock: any WallClock, tenants: TenantRegistry) {
        self.database = database
        self.clock = clock
        self.tenants = tenants
    }

    public func current(_ org: Organization) -> JSONValue {
        .object([
            ("homeCurrency", .string(org.homeCurrency.rawValue)),
            ("changedAt", .timestamp(org.homeCurrencyChangedAt)),
            ("supportedCurrencies", .array(Currency.supportedCodes.map(JSONValue.string))),
            ("canChange", .bool(PlanGate.allows(org, .pro))),
        ])
    }

    /// Sets the currency; sending the current one changes nothing and says so.
    public func change(_ org: Organization, body: FieldReader) async throws -> JSONValue {
        try PlanGate.check(org, requires: .pro)
        let code = try FieldReader.required(try body.string("homeCurrency", maxLength: 3), "homeCurrency")
        let currency = try Currency.parse(code, field: "homeCurrency")
        let now = clock.now()
        let tenant = org.tenant
        let tenants = self.tenants
        let updated = try await database.write { store, events -> (Organization, Bool) in
            guard var org = try tenants.organization(tenant, in: store) else { throw DomainError.notFound("Organization") }
            guard org.homeCurrency != currency else { return (org, false) }
            events.record(HomeCurrencyChanged(tenant: tenant, from: org.homeCurrency, to: currency, at: now))
            org.homeCurrency = currency
            org.homeCurrencyChangedAt = now
            org.updatedAt = now
            try store.put(.records, OrganizationKeys.profile(tenant), RecordCoding.encode(org))
            return (org, true)
        }
        return .object([
            ("homeCurrency", .string(updated.0.homeCurrency.rawValue)), ("changed", .bool(updated.1)),
            ("changedAt", .timestamp(updated.0.homeCurrencyChangedAt)),
        ])
    }
}
