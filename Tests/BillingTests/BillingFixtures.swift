import Billing
import Foundation
import Kernel
import TestSupport

/// The Billing services over one temporary database.
struct BillingFixture {
    let clock: ManualClock
    let tenants: TenantRegistry
    let credentials: CredentialStore
    let homeCurrency: HomeCurrencyService

    static func run(_ body: (BillingFixture) async throws -> Void) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withTemporaryDatabase(clock: clock) { database, _ in
            let ids = IDGenerator(clock: clock)
            let tenants = TenantRegistry(database: database, clock: clock, ids: ids)
            try await body(
                BillingFixture(
                    clock: clock, tenants: tenants, credentials: CredentialStore(database: database, clock: clock, ids: ids, tenants: tenants),
                    homeCurrency: HomeCurrencyService(database: database, clock: clock, tenants: tenants)))
        }
    }

    func create(_ handle: String, _ json: String = #"{"name":"Brand"}"#) async throws -> Organization {
        try await tenants.create(handle: handle, changes(json))
    }

    func changes(_ json: String) throws -> OrganizationChanges {
        try OrganizationChanges(try fields(json))
    }
}

func fields(_ json: String) throws -> FieldReader {
    try FieldReader(try JSONValue.parse(Array(json.utf8)))
}
