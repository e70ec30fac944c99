import Contracts
import Foundation
import Kernel
import TestSupport
import Testing

@testable import Tracking

/// The ledger over a real store, with the other contexts' directories answering from fixed data.
@Suite struct ConversionLedgerTests {
    /// A fixture with one program under `model` and `rule`, and Jane (code `jane`) on it.
    func fixture(_ database: Database, model: CommissionModel = .cps, rule: CommissionRule, override: CommissionRule? = nil) -> LedgerFixture {
        let fixture = LedgerFixture(database: database, clock: ManualClock(Date()))
        let program = fixture.directory.addProgram(model: model, rule: rule)
        fixture.directory.addAffiliate("jane@example.com", program: program, override: override)
        return fixture
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
                let fixture = fixture(database, rule: rule, override: override)
                let ledger = fixture.ledger
                guard case .recorded(let id) = try await ledger.recordSale(fixture.tenant, try sale("s\(index)", cents: cents, currency: currency), signature: stamp) else {
                    Issue.record("not recorded")
                    continue
                }
                let conversion = try #require(try ledger.conversion(fixture.tenant, id))
                #expect(conversion.commission == Money(minorUnits: expected, currency: Currency(rawValue: commissionCurrency)!), "case \(index)")
                #expect(conversion.status == .pending && conversion.type == .oneTime && conversion.commissionRule == (override ?? rule))
            }
        }
    }

    @Test func onlyTheRightModelsEarn() async throws {
        try await withTemporaryDatabase { database, _ in
            let fixture = fixture(database, model: .cpl, rule: CommissionRule(type: .fixed, hundredths: 500))
            let cpl = fixture.ledger
            guard case .recorded(let saleID) = try await cpl.recordSale(fixture.tenant, try sale("s1", cents: 10_000), signature: stamp) else { return }
            #expect(try cpl.conversion(fixture.tenant, saleID)?.commission.minorUnits == 0)
            let lead = try LeadReport(signed: FieldReader(JSONValue.parse(Array(#"{"affiliateSlug":"jane","email":"Buyer@Example.com"}"#.utf8))))
            guard case .recorded(let leadID) = try await cpl.recordLead(fixture.tenant, lead, source: .leadAPI, signature: nil) else { return }
            let stored = try #require(try cpl.conversion(fixture.tenant, leadID))
            #expect(stored.type == .leadReward && stored.commission == Money(minorUnits: 500, currency: .usd) && stored.amount.minorUnits == 0)
            #expect(try cpl.lead(fixture.tenant, email: "buyer@example.com")?.id == leadID)
            #expect(try await cpl.recordLead(fixture.tenant, lead, source: .browser, signature: nil) == .deduplicated)
        }
    }
}

@Suite struct ConversionReviewTests {
    @Test func reviewsMoveTheSaleAndItsOverrideAndTellTheBus() async throws {
        try await withTemporaryDatabase { database, _ in
            let f = LedgerFixture(database: database, clock: ManualClock(Date()))
            let program = f.directory.addProgram(subAffiliatePercent: 1_000)
            let recruiter = f.directory.addAffiliate("rita@example.com", program: program)
            f.directory.addAffiliate("jane@example.com", program: program, recruitedBy: recruiter)
            let recorder = EventRecorder()
            database.bus.addProjector(recorder)
            let body = #"{"externalEventId":"o-1","affiliateSlug":"jane","amountCents":10000,"currency":"USD"}"#
            let stamp = VerifiedSignature(timestamp: 1, digest: Array(repeating: 7, count: 32))
            guard case .recorded(let id) = try await f.ledger.recordSale(f.tenant, try SaleReport(FieldReader(JSONValue.parse(Array(body.utf8)))), signature: stamp)
            else { throw CancellationError() }

            #expect(try await f.ledger.review(f.tenant, id, to: .approved).status == .approved)
            #expect(try await f.ledger.review(f.tenant, id, to: .denied).status == .denied)
            #expect(try f.conversions().allSatisfy { $0.status == .denied })
            #expect(recorder.events(ConversionApproved.self).map(\.from) == [.pending, .pending])  // the sale and its override
            #expect(recorder.events(ConversionDenied.self).map(\.from) == [.approved, .approved])
            #expect(ConversionApproved.name == "conversion.approved" && ConversionDenied.name == "conversion.denied")

            // Overrides follow their sale; they are not reviewed on their own.
            let share = try #require(try f.conversions().first { $0.parentConversionID != nil })
            #expect(await domainError { _ = try await f.ledger.review(f.tenant, share.id, to: .approved) }?.code == "conversion_not_reviewable")
        }
    }
}
