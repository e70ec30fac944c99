import Billing
import Contracts
import Foundation
import Kernel
import TestSupport
import Testing

@Suite struct PlanGateTests {
    @Test func gatesFollowTierAndSubscription() async throws {
        try await BillingFixture.run { fixture in
            let expectations: [(String, String, PlanTier, Bool)] = [
                ("Starter", "Active", .starter, true), ("Trial", "Active", .starter, false), ("Trial", "Trialing", .pro, true),
                ("Starter", "None", .starter, false), ("Pro", "Canceled", .starter, false), ("Growth", "PastDue", .growth, true),
                ("Growth", "Active", .pro, false), ("Pro", "Active", .pro, true),
            ]
            for (index, (tier, status, required, allowed)) in expectations.enumerated() {
                let org = try await fixture.create("t\(index)", #"{"name":"T","planTier":"\#(tier)","subscriptionStatus":"\#(status)"}"#)
                #expect(PlanGate.allows(org, required) == allowed, "\(tier) \(status) → \(required)")
            }
        }
    }

    @Test func theRefusalCarriesRequiredCurrentAndTrialing() async throws {
        try await BillingFixture.run { fixture in
            let org = try await fixture.create("acme", #"{"name":"A","planTier":"Starter","subscriptionStatus":"None"}"#)
            let error = try #require(await domainError { try PlanGate.check(org, requires: .starter) })
            #expect(error.kind == .paymentRequired)
            #expect(error.envelope["error"] == .string("plan_tier_required"))
            #expect(error.envelope["required"] == .string("Starter"))
            #expect(error.envelope["current"] == .string("Starter"))
            #expect(error.envelope["trialing"] == .bool(false))
        }
    }

    @Test func homeCurrencyChangesOnProOnlyAndIsIdempotent() async throws {
        try await BillingFixture.run { fixture in
            let growth = try await fixture.create("growth", #"{"name":"G","planTier":"Growth"}"#)
            let refused = await domainError { _ = try await fixture.homeCurrency.change(growth, body: try fields(#"{"homeCurrency":"EUR"}"#)) }
            #expect(refused?.code == "plan_tier_required")
            #expect(fixture.homeCurrency.current(growth)["canChange"] == .bool(false))

            let pro = try await fixture.create("pro", #"{"name":"P","planTier":"Pro"}"#)
            let unsupported = await domainError { _ = try await fixture.homeCurrency.change(pro, body: try fields(#"{"homeCurrency":"XYZ"}"#)) }
            #expect(unsupported?.code == "unsupported_currency")
            let changed = try await fixture.homeCurrency.change(pro, body: fields(#"{"homeCurrency":"EUR"}"#))
            #expect(changed["changed"] == .bool(true))
            #expect(changed["changedAt"] == .string(Timestamp.format(fixture.clock.now())))
            fixture.clock.advance(by: 30)
            let again = try await fixture.homeCurrency.change(pro, body: fields(#"{"homeCurrency":"EUR"}"#))
            #expect(again["changed"] == .bool(false))
            #expect(again["changedAt"] == changed["changedAt"])
            let current = fixture.homeCurrency.current(try #require(try fixture.tenants.organization(pro.tenant)))
            #expect(current["homeCurrency"] == .string("EUR"))
            #expect(current["supportedCurrencies"].map { if case .array(let a) = $0 { a.count } else { 0 } } == 31)
        }
    }

    @Test func billingStateCountsThroughMeters() async throws {
        try await BillingFixture.run { fixture in
            let org = try await fixture.create("acme", #"{"name":"A","planTier":"Growth"}"#)
            _ = try await fixture.credentials.issueKey(for: org.tenant, name: "a", scope: .read)
            let (revoked, _) = try await fixture.credentials.issueKey(for: org.tenant, name: "b", scope: .read)
            _ = try await fixture.credentials.revokeKey(revoked.id, of: org.tenant)
            struct Fixed: UsageMeter { func current(for tenant: TenantID) throws -> Int64 { 7 } }
            let service = BillingStateService(
                meters: [.campaigns: Fixed(), .teamSeats: APIKeySeatMeter(credentials: fixture.credentials)], stripeConnectLinked: { _ in false })
            let state = try service.state(of: org)
            #expect(state["limits"]?["campaigns"] == .object([("current", .int(7)), ("max", .null)]))
            #expect(state["limits"]?["teamSeats"] == .object([("current", .int(1)), ("max", .int(5))]))
            #expect(state["limits"]?["partnerPayoutsThisMonthCents"]?["max"] == .int(1_500_000))
            #expect(state["planTier"] == .string("Growth"))
        }
    }
}
