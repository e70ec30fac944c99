import Contracts
import Foundation
import Kernel
import Synchronization
import TestSupport
import Testing

@testable import Tracking

/// The other contexts' directories for ledger tests, answering from data a test sets: one tenant, its programs,
/// affiliates, referral codes and coupons.
final class LedgerDirectory: ProgramDirectory, AffiliateDirectory, TenantDirectory {
    struct State {
        var programs: [ProgramID: ProgramSummary] = [:]
        var affiliates: [AffiliateID: AffiliateSummary] = [:]
        var coupons: [String: AffiliateID] = [:]
    }

    let tenant: TenantID
    let ids = IDGenerator(clock: SystemClock())
    private let state = Mutex(State())

    init(tenant: TenantID) { self.tenant = tenant }

    /// Adds a program: Cps, 20 %, LastTouch, 30-day window, unless told otherwise.
    @discardableResult
    func addProgram(
        model: CommissionModel = .cps, rule: CommissionRule = CommissionRule(type: .percentage, hundredths: 2_000),
        attribution: AttributionModel = .lastTouch, autoApprove: Bool = false, recurringMonths: Int? = nil, recurringDelay: Int = 0,
        subAffiliatePercent: Int64? = nil
    ) -> ProgramID {
        let id: ProgramID = ids.next()
        let summary = ProgramSummary(
            tenant: tenant, id: id, name: "Main", slug: "main-\(id)", description: nil, termsUrl: nil, isActive: true, isArchived: false,
            autoApprove: autoApprove, maxAffiliates: nil, commission: rule, commissionModel: model, attributionModel: attribution,
            cookieWindowDays: 30, websiteDomain: "shop.example", recurringMonths: recurringMonths, recurringDelayInvoices: recurringDelay,
            subAffiliatePercentHundredths: subAffiliatePercent)
        state.withLock { $0.programs[id] = summary }
        return id
    }

    @discardableResult
    func addAffiliate(
        _ email: String, program: ProgramID, status: AffiliateStatus = .approved, override: CommissionRule? = nil, recruitedBy: AffiliateID? = nil,
        coupon: String? = nil
    ) -> AffiliateID {
        let id: AffiliateID = ids.next()
        let summary = AffiliateSummary(
            tenant: tenant, id: id, programID: program, email: email, status: status, commissionOverride: override, recruitedBy: recruitedBy)
        state.withLock { state in
            state.affiliates[id] = summary
            if let coupon { state.coupons[coupon.uppercased()] = id }
        }
        return id
    }

    func setStatus(_ status: AffiliateStatus, of id: AffiliateID) {
        state.withLock { state in
            guard let old = state.affiliates[id] else { return }
            state.affiliates[id] = AffiliateSummary(
                tenant: old.tenant, id: old.id, programID: old.programID, email: old.email, status: status, commissionOverride: old.commissionOverride,
                recruitedBy: old.recruitedBy)
        }
    }

    func programSummary(_ tenant: TenantID, _ id: ProgramID) throws -> ProgramSummary? {
        tenant == self.tenant ? state.withLock { $0.programs[id] } : nil
    }
    func programSummary(_ id: ProgramID) throws -> ProgramSummary? { state.withLock { $0.programs[id] } }
    func programSummary(_ id: ProgramID, in store: borrowing some StoreReader & ~Copyable) throws -> ProgramSummary? { try programSummary(id) }
    func programSummary(_ tenant: TenantID, slug: String) throws -> ProgramSummary? { nil }
    func primaryProgram(_ tenant: TenantID) throws -> ProgramSummary? { nil }
    func newestOpenProgram(_ tenant: TenantID) throws -> ProgramSummary? { nil }
    func programSummary(verifiedDomain host: String) throws -> ProgramSummary? { nil }

    /// A referral code is the affiliate's email's local part.
    func referral(code: String) throws -> ReferralTarget? {
        state.withLock { state in
            state.affiliates.values.first { $0.email.hasPrefix(code + "@") }.map {
                ReferralTarget(tenant: tenant, affiliateID: $0.id, programID: $0.programID, linkID: ids.next(), status: $0.status,
                    commissionOverride: $0.commissionOverride, recruitedBy: $0.recruitedBy)
            }
        }
    }
    func referral(code: String, in store: borrowing some StoreReader & ~Copyable) throws -> ReferralTarget? { try referral(code: code) }
    func affiliateSummary(_ tenant: TenantID, _ id: AffiliateID) throws -> AffiliateSummary? {
        tenant == self.tenant ? state.withLock { $0.affiliates[id] } : nil
    }
    func program(ofAffiliate id: AffiliateID, _ tenant: TenantID) throws -> ProgramID? { try affiliateSummary(tenant, id)?.programID }
    func affiliateSummary(_ tenant: TenantID, coupon code: String) throws -> AffiliateSummary? {
        guard tenant == self.tenant else { return nil }
        return state.withLock { state in state.coupons[code.uppercased()].flatMap { state.affiliates[$0] } }
    }
    func affiliateSummary(_ tenant: TenantID, program: ProgramID, email: String) throws -> AffiliateSummary? {
        guard tenant == self.tenant else { return nil }
        return state.withLock { state in state.affiliates.values.first { $0.programID == program && $0.email == email.lowercased() } }
    }

    func tenant(handle: String) throws -> TenantSummary? { nil }
    func tenant(_ tenant: TenantID) throws -> TenantSummary? {
        tenant == self.tenant ? TenantSummary(tenant: tenant, handle: "acme", name: "Acme", homeCurrency: .usd) : nil
    }
}

/// The ledger, billing ingestion and clicks of one tenant over a real store, wired to a `LedgerDirectory`.
struct LedgerFixture {
    let database: Database
    let directory: LedgerDirectory
    let clock: ManualClock
    let ledger: ConversionLedger
    let billing: BillingIngestion
    let clicks: ClickService

    init(database: Database, clock: ManualClock, tenant: TenantID = testTenant(1)) {
        self.database = database
        self.clock = clock
        directory = LedgerDirectory(tenant: tenant)
        let ids = IDGenerator(clock: clock)
        ledger = ConversionLedger(database: database, clock: clock, ids: ids, programs: directory, affiliates: directory, tenants: directory)
        clicks = ClickService(
            database: database, clock: clock, ids: ids, programs: directory, affiliates: directory, tenants: directory,
            params: AttributionParamsService(database: database, clock: clock), passthrough: PassthroughReferrerService(database: database, clock: clock))
        billing = BillingIngestion(
            database: database, clock: clock, ids: ids, programs: directory, affiliates: directory, tenants: directory, clicks: clicks, ledger: ledger)
    }

    var tenant: TenantID { directory.tenant }

    /// A stored click of the affiliate, `daysAgo` before now, and its token.
    func click(by affiliate: AffiliateID, daysAgo: Double = 1) async throws -> String {
        let summary = try #require(try directory.affiliateSummary(tenant, affiliate))
        let click = Click(
            id: directory.ids.next(), programID: summary.programID, affiliateID: affiliate, linkID: directory.ids.next(), code: "code",
            at: clock.now().addingTimeInterval(-daysAgo * 86_400), consentGranted: true, device: .desktop, country: nil, landingPage: nil,
            referrerHost: nil, utm: UTMParameters())
        let tenant = tenant
        try await database.write { store, _ in try store.put(.records, ClickKeys.clicks(tenant).key(click.id), ClickCoding.encode(click)) }
        return ClickToken.make(tenant, click.id)
    }

    /// The tenant's conversions, oldest first.
    func conversions() throws -> [Conversion] {
        let tenant = tenant
        return try database.read { store in try store.records(.records, prefix: ConversionKeys.conversions(tenant).prefix, decode: ConversionCoding.decode) }
    }
}

/// Keeps every event a write records, as a projector sees them.
final class EventRecorder: EventProjector {
    private let recorded = Mutex<[any DomainEvent]>([])

    func project(_ event: any DomainEvent, into store: borrowing some StoreWriter & ~Copyable) throws {
        recorded.withLock { $0.append(event) }
    }

    func events<E: DomainEvent>(_: E.Type) -> [E] { recorded.withLock { $0.compactMap { $0 as? E } } }
}
