import Contracts
import Foundation
import Kernel
import TestSupport
import Testing

@testable import Tracking

/// The ledger over a real store, with the other contexts' directories answering from fixed data.
@Suite struct ConversionLedgerTests {
    static let tenant = testTenant(1)
    static let ids = IDGenerator(clock: SystemClock())
    static let programID: ProgramID = ids.next()

    struct Programs: ProgramDirectory {
        let model: CommissionModel
        let rule: CommissionRule
        var summary: ProgramSummary {
            ProgramSummary(
                tenant: ConversionLedgerTests.tenant, id: ConversionLedgerTests.programID, name: "Main", slug: "main", description: nil, termsUrl: nil,
                isActive: true, isArchived: false, autoApprove: false, maxAffiliates: nil, commission: rule, commissionModel: model,
                attributionModel: .lastTouch, cookieWindowDays: 30, websiteDomain: "shop.example")
        }
        func programSummary(_ tenant: TenantID, _ id: ProgramID) throws -> ProgramSummary? { tenant == summary.tenant && id == summary.id ? summary : nil }
        func programSummary(_ id: ProgramID) throws -> ProgramSummary? { id == summary.id ? summary : nil }
        func programSummary(_ tenant: TenantID, slug: String) throws -> ProgramSummary? { nil }
        func primaryProgram(_ tenant: TenantID) throws -> ProgramSummary? { nil }
        func newestOpenProgram(_ tenant: TenantID) throws -> ProgramSummary? { nil }
        func programSummary(verifiedDomain host: String) throws -> ProgramSummary? { nil }
    }

    struct Affiliates: AffiliateDirectory {
        let override: CommissionRule?
        func referral(code: String) throws -> ReferralTarget? {
            guard code == "jane" else { return nil }
            return ReferralTarget(
                tenant: ConversionLedgerTests.tenant, affiliateID: AffiliateID(uuid: UUID(uuid: (0, 0, 0, 0, 0, 0, 0x70, 0, 0x80, 0, 0, 0, 0, 0, 0, 1))),
                programID: ConversionLedgerTests.programID, linkID: ConversionLedgerTests.ids.next(), status: .approved, commissionOverride: override)
        }
    }

    struct Tenants: TenantDirectory {
        func tenant(handle: String) throws -> TenantSummary? { nil }
        func tenant(_ tenant: TenantID) throws -> TenantSummary? { TenantSummary(tenant: tenant, handle: "acme", name: "Acme", homeCurrency: .usd) }
    }

    func ledger(_ database: Database, model: CommissionModel = .cps, rule: CommissionRule, override: CommissionRule? = nil) -> ConversionLedger {
        ConversionLedger(
            database: database, clock: SystemClock(), ids: Self.ids, programs: Programs(model: model, rule: rule), affiliates: Affiliates(override: override),
            tenants: Tenants())
    }

    func sale(_ event: String, cents: Int, currency: String = "USD") throws -> SaleReport {
        try SaleReport(FieldReader(JSONValue.parse(Array(#"{"externalEventId":"\#(event)","affiliateSlug":"jane","amountCents":\#(cents),"currency":"\#(currency)"}"#.utf8))))
    }

    var stamp: VerifiedSignature { VerifiedSignature(timestamp: UInt64(Date().timeIntervalSince1970), digest: (0..<32).map { _ in .random(in: 0...255) }) }

    @Test func salesEarnTheRealCommission() async throws {
        try await withTemporaryDatabase { database, _ in
            let cases: [(CommissionRule, CommissionRule?, Int, String, Int64, String)] = [
                (CommissionRule(type: .percentage, hundredths: 2_000), nil, 9_900, "USD", 1_980, "USD"),
                (CommissionRule(type: .percentage, hundredths: 2_000), CommissionRule(type: .percentage, hundredths: 3_350), 9_999, "EUR", 3_350, "EUR"),
                (CommissionRule(type: .percentage, hundredths: 1_250), nil, 1_004, "USD", 126, "USD"),
                (CommissionRule(type: .percentage, hundredths: 2_000), CommissionRule(type: .fixed, hundredths: 2_500), 9_900, "EUR", 2_500, "USD"),
            ]
            for (index, (rule, override, cents, currency, expected, commissionCurrency)) in cases.enumerated() {
                let ledger = ledger(database, rule: rule, override: override)
                guard case .recorded(let id) = try await ledger.recordSale(Self.tenant, try sale("s\(index)", cents: cents, currency: currency), signature: stamp) else {
                    Issue.record("not recorded")
                    continue
                }
                let conversion = try #require(try ledger.conversion(Self.tenant, id))
                #expect(conversion.commission == Money(minorUnits: expected, currency: Currency(rawValue: commissionCurrency)!), "case \(index)")
                #expect(conversion.status == .pending && conversion.type == .oneTime && conversion.commissionRule == (override ?? rule))
            }
        }
    }

    @Test func onlyTheRightModelsEarn() async throws {
        try await withTemporaryDatabase { database, _ in
            let cpl = ledger(database, model: .cpl, rule: CommissionRule(type: .fixed, hundredths: 500))
            guard case .recorded(let saleID) = try await cpl.recordSale(Self.tenant, try sale("s1", cents: 10_000), signature: stamp) else { return }
            #expect(try cpl.conversion(Self.tenant, saleID)?.commission.minorUnits == 0)
            let lead = try LeadReport(signed: FieldReader(JSONValue.parse(Array(#"{"affiliateSlug":"jane","email":"Buyer@Example.com"}"#.utf8))))
            guard case .recorded(let leadID) = try await cpl.recordLead(Self.tenant, lead, source: .leadAPI, signature: nil) else { return }
            let stored = try #require(try cpl.conversion(Self.tenant, leadID))
            #expect(stored.type == .leadReward && stored.commission == Money(minorUnits: 500, currency: .usd) && stored.amount.minorUnits == 0)
            #expect(try cpl.lead(Self.tenant, email: "buyer@example.com")?.id == leadID)
            #expect(try await cpl.recordLead(Self.tenant, lead, source: .browser, signature: nil) == .deduplicated)
        }
    }
}
