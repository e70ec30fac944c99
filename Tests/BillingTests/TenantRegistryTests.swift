import Billing
import Foundation
import Kernel
import TestSupport
import Testing

@Suite struct TenantRegistryTests {
    @Test func newTenantsGetConsecutiveNumbersAndTrialDefaults() async throws {
        try await BillingFixture.run { fixture in
            let acme = try await fixture.create("acme")
            let globex = try await fixture.create("globex", #"{"name":"Globex","planTier":"Pro","homeCurrency":"EUR","timezone":"Europe/Paris"}"#)
            #expect(acme.tenant.number == 1)
            #expect(globex.tenant.number == 2)
            #expect(acme.planTier == .trial && acme.subscriptionStatus == .trialing)
            #expect(acme.trialEndsAt == fixture.clock.now().addingTimeInterval(14 * 86_400))
            #expect(globex.subscriptionStatus == .active && globex.trialEndsAt == nil)
            #expect(globex.homeCurrency.rawValue == "EUR" && globex.homeCurrencyChangedAt == nil)
            #expect(try fixture.tenants.organization(handle: "globex")?.tenant == globex.tenant)
            #expect(try fixture.tenants.all().map(\.handle) == ["acme", "globex"])
        }
    }

    @Test func handlesAreValidatedAndUnique() async throws {
        try await BillingFixture.run { fixture in
            _ = try await fixture.create("acme")
            let duplicate = await domainError { _ = try await fixture.create("acme") }
            #expect(duplicate?.code == "tenant_already_exists")
            for bad in ["A", "a", "-ab", "ab-", "has space", "admin", String(repeating: "a", count: 64)] {
                let error = await domainError { _ = try await fixture.create(bad) }
                #expect(error?.field == "handle", "\(bad)")
            }
            let noName = await domainError { _ = try await fixture.tenants.create(handle: "named", try fixture.changes("{}")) }
            #expect(noName?.field == "name")
        }
    }

    @Test func profileFieldsAreValidated() async throws {
        try await BillingFixture.run { fixture in
            let cases = [
                (#"{"name":"B","billingEmail":"nope"}"#, "billingEmail"), (#"{"name":"B","timezone":"Mars/Base"}"#, "timezone"),
                (#"{"name":"B","primaryBrandColor":"red"}"#, "primaryBrandColor"), (#"{"name":"B","planTier":"Platinum"}"#, "planTier"),
                (#"{"name":"B","homeCurrency":"XYZ"}"#, "homeCurrency"), (#"{"name":"B","logoUrl":"javascript:alert(1)"}"#, "logoUrl"),
                (#"{"name":"B","payoutGraceDays":15}"#, "payoutGraceDays"), (#"{"name":"B","planTier":null}"#, "planTier"),
            ]
            for (json, field) in cases {
                let error = await domainError { _ = try await fixture.create("brand", json) }
                #expect(error?.field == field, "\(json)")
            }
        }
    }

    @Test func updatesApplyOnlySentFieldsAndClampGraceDaysOnDowngrade() async throws {
        try await BillingFixture.run { fixture in
            _ = try await fixture.create("acme", #"{"name":"Acme","planTier":"Pro","payoutGraceDays":60,"billingEmail":"Billing@Acme.com"}"#)
            fixture.clock.advance(by: 60)
            let updated = try await fixture.tenants.update(handle: "acme", fixture.changes(#"{"planTier":"Growth","subscriptionStatus":"PastDue"}"#))
            #expect(updated.name == "Acme" && updated.billingEmail == "billing@acme.com")
            #expect(updated.planTier == .growth && updated.subscriptionStatus == .pastDue)
            #expect(updated.payoutGraceDays == 30)
            #expect(updated.updatedAt == fixture.clock.now())
            fixture.clock.advance(by: 60)
            let again = try await fixture.tenants.update(handle: "acme", fixture.changes(#"{"planTier":"Growth"}"#))
            #expect(again.updatedAt == updated.updatedAt)
            let missing = await domainError { _ = try await fixture.tenants.update(handle: "nobody", try fixture.changes("{}")) }
            #expect(missing?.kind == .notFound)
        }
    }
}
