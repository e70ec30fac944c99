import Affiliates
import Contracts
import Foundation
import Kernel
import Programs
import TestSupport
import Testing

/// Affiliates over a real store, with Programs as the program directory.
private struct Fixture {
    let affiliates: AffiliateService
    let programs: ProgramService
    let program: ProgramID

    static func run(_ body: (Fixture) async throws -> Void) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withTemporaryDatabase(clock: clock) { database, _ in
            let ids = IDGenerator(clock: clock)
            let programs = ProgramService(database: database, clock: clock, ids: ids)
            let program = try await programs.create(testTenant(1), ProgramChanges(json(#"{"name":"Main","defaultCommissionValue":20}"#)))
            try await body(Fixture(affiliates: AffiliateService(database: database, clock: clock, ids: ids, programs: programs), programs: programs, program: program.id))
        }
    }

    func create(_ fields: String, tenant: UInt32 = 1) async throws -> Affiliate {
        try await affiliates.create(testTenant(tenant), NewAffiliate(json(#"{"programId":"\#(program)",\#(fields)}"#)))
    }
}

private func json(_ text: String) throws -> FieldReader { try FieldReader(JSONValue.parse(Array(text.utf8))) }

@Suite struct AffiliateServiceTests {
    @Test func createGeneratesADefaultLinkAndApprovesByDefault() async throws {
        try await Fixture.run { f in
            let jane = try await f.create(#""email":"Jane@Creator.com","fullName":"Jane Doe""#)
            #expect(jane.email == "jane@creator.com")
            #expect(jane.status == .approved && jane.approvedAt != nil && jane.source == .direct)
            let link = try #require(jane.links.first)
            #expect(jane.links.count == 1 && link.isDefault && link.format == .short)
            #expect(link.slug.hasPrefix("jane-doe-") && link.slug.count == "jane-doe-".count + 4)
            let pending = try await f.create(#""email":"p@x.com","status":"Pending""#)
            #expect(pending.approvedAt == nil)
            #expect(pending.links.first?.slug.hasPrefix("p-") == false)
        }
    }

    @Test func createRefusesForeignProgramsDuplicateEmailsAndTakenOrReservedAliases() async throws {
        try await Fixture.run { f in
            _ = try await f.create(#""email":"a@x.com","customAlias":"jane-fit""#)
            #expect(await domainError { _ = try await f.create(#""email":"A@x.com""#) }?.code == "affiliate_already_exists")
            #expect(await domainError { _ = try await f.create(#""email":"b@x.com""#, tenant: 2) }?.code == "program_not_found")
            // Codes are global: another tenant cannot take the alias either.
            let other = try await f.programs.create(testTenant(2), ProgramChanges(json(#"{"name":"Other","defaultCommissionValue":5}"#)))
            let taken = await domainError {
                _ = try await f.affiliates.create(testTenant(2), NewAffiliate(json(#"{"programId":"\#(other.id)","email":"c@x.com","customAlias":"jane-fit"}"#)))
            }
            #expect(taken?.code == "alias_already_taken")
            #expect(await domainError { _ = try await f.create(#""email":"d@x.com","customAlias":"admin""#) }?.code == "slug_reserved")
            for bad in ["ab", "-abc", "abc-", "Ab-c", "a_b_c"] {
                #expect(await domainError { _ = try await f.create(#""email":"e@x.com","customAlias":"\#(bad)""#) }?.field == "customAlias", "\(bad)")
            }
            #expect(await domainError { _ = try await f.create(#""email":"not-an-email""#) }?.field == "email")
            #expect(await domainError { _ = try await f.create(#""email":"f@x.com","customCommissionValue":10"#) }?.field == "customCommissionType")
            #expect(await domainError { _ = try await f.create(#""email":"f@x.com","customCommissionType":"Percentage","customCommissionValue":120"#) }?.field == "customCommissionValue")
        }
    }

    @Test func referralCodesResolveThroughTheIndex() async throws {
        try await Fixture.run { f in
            let jane = try await f.create(#""email":"jane@x.com","customAlias":"jane-fit","status":"Pending""#)
            let link = try #require(jane.links.first)
            let bySlug = try #require(try f.affiliates.referral(code: link.slug))
            #expect(bySlug == ReferralTarget(tenant: testTenant(1), affiliateID: jane.id, programID: f.program, linkID: link.id, status: .pending, commissionOverride: nil))
            #expect(try f.affiliates.referral(code: "JANE-FIT")?.affiliateID == jane.id)
            #expect(try f.affiliates.referral(code: "nobody-here") == nil)
            _ = try await f.affiliates.approve(testTenant(1), jane.id)
            #expect(try f.affiliates.referral(code: "jane-fit")?.status == .approved)
        }
    }

    @Test func statusChangesThatMakeNoSenseAre409s() async throws {
        try await Fixture.run { f in
            let approved = try await f.create(#""email":"a@x.com""#)
            #expect(await domainError { _ = try await f.affiliates.reject(testTenant(1), approved.id, reason: nil) }?.code == "invalid_status_transition")
            let banned = try await f.affiliates.update(testTenant(1), approved.id, AffiliateChanges(json(#"{"status":"Banned"}"#)))
            #expect(banned.status == .banned)
            #expect(await domainError { _ = try await f.affiliates.approve(testTenant(1), approved.id) }?.code == "invalid_status_transition")

            let pending = try await f.create(#""email":"p@x.com","status":"Pending""#)
            let rejected = try await f.affiliates.reject(testTenant(1), pending.id, reason: "Off-topic audience")
            #expect(rejected.status == .rejected)
            let reconsidered = try await f.affiliates.approve(testTenant(1), pending.id)
            #expect(reconsidered.status == .approved && reconsidered.approvedAt != nil)
            let again = try await f.affiliates.approve(testTenant(1), pending.id)
            #expect(again.approvedAt == reconsidered.approvedAt)
            #expect(await domainError { _ = try await f.affiliates.approve(testTenant(2), pending.id) }?.kind == .notFound)
        }
    }

    @Test func patchChangesOnlySentKeys() async throws {
        try await Fixture.run { f in
            let a = try await f.create(#""email":"a@x.com","fullName":"A""#)
            let tagged = try await f.affiliates.update(
                testTenant(1), a.id, AffiliateChanges(json(#"{"tags":["youtube"," tier-1 ","youtube"],"notes":"Top","customCommissionType":"Percentage","customCommissionValue":25}"#)))
            #expect(tagged.tags == ["youtube", "tier-1"])
            #expect(tagged.notes == "Top" && tagged.fullName == "A" && tagged.customCommissionHundredths == 2_500)
            let cleared = try await f.affiliates.update(testTenant(1), a.id, AffiliateChanges(json(#"{"tags":null,"customCommissionType":null,"customCommissionValue":null}"#)))
            #expect(cleared.tags.isEmpty && cleared.customCommissionType == nil && cleared.notes == "Top")
            #expect(await domainError { _ = try await f.affiliates.update(testTenant(1), a.id, AffiliateChanges(json(#"{"tags":[1]}"#))) }?.field == "tags")
        }
    }

    @Test func bulkActionsCountOnlyWhatTheyChange() async throws {
        try await Fixture.run { f in
            let pending = try await f.create(#""email":"p@x.com","status":"Pending""#)
            let approved = try await f.create(#""email":"a@x.com","customAlias":"kept-code""#)
            let banned = try await f.create(#""email":"b@x.com","status":"Banned""#)
            let foreign: AffiliateID = IDGenerator(clock: SystemClock()).next()
            #expect(try await f.affiliates.bulk(testTenant(1), [pending.id, approved.id, banned.id, foreign], .approve) == 1)
            #expect(try await f.affiliates.bulk(testTenant(2), [pending.id, approved.id], .pause) == 0)
            #expect(try await f.affiliates.bulk(testTenant(1), [pending.id, approved.id, banned.id], .pause) == 2)
            #expect(try await f.affiliates.bulk(testTenant(1), [approved.id], .delete) == 1)
            #expect(try f.affiliates.affiliate(testTenant(1), approved.id) == nil)
            #expect(try f.affiliates.referral(code: "kept-code") == nil)
            // The email may join again; the deleted affiliate's codes stay reserved.
            #expect(try await f.create(#""email":"a@x.com""#).email == "a@x.com")
            #expect(await domainError { _ = try await f.create(#""email":"z@x.com","customAlias":"kept-code""#) }?.code == "alias_already_taken")
        }
    }

    @Test func listsFilterByProgramStatusAndSearch() async throws {
        try await Fixture.run { f in
            _ = try await f.create(#""email":"jane@creator.com","fullName":"Jane Doe""#)
            _ = try await f.create(#""email":"bob@x.com","fullName":"Bob","status":"Pending""#)
            _ = try await f.create(#""email":"sam@x.com","status":"Pending""#)
            let list = { (filter: AffiliateFilter) in try f.affiliates.list(testTenant(1), page: PageRequest(), filter: filter).items.map(\.email) }
            #expect(try list(AffiliateFilter()) == ["sam@x.com", "bob@x.com", "jane@creator.com"])
            #expect(try list(AffiliateFilter(status: .pending)) == ["sam@x.com", "bob@x.com"])
            #expect(try list(AffiliateFilter(query: "DOE")) == ["jane@creator.com"])
            #expect(try list(AffiliateFilter(query: "creator")) == ["jane@creator.com"])
            #expect(try list(AffiliateFilter(programID: IDGenerator(clock: SystemClock()).next())).isEmpty)
            #expect(try f.affiliates.list(testTenant(2), page: PageRequest(), filter: AffiliateFilter()).items.isEmpty)
            #expect(await domainError { _ = try AffiliateFilter(programId: nil, status: "Active", q: nil) }?.field == "status")
            #expect(await domainError { _ = try AffiliateFilter(programId: "x", status: nil, q: nil) }?.field == "programId")
        }
    }
}

@Suite struct AffiliateApplicationTests {
    @Test func recruitersCountOnlyWhenApprovedInTheSameTenant() async throws {
        try await Fixture.run { f in
            let recruiter = try await f.create(#""email":"r@x.com""#)
            let pendingRecruiter = try await f.create(#""email":"p@x.com","status":"Pending""#)
            let program = try #require(try f.programs.programSummary(testTenant(1), f.program))
            func apply(_ email: String, recruitedBy: AffiliateID?) async throws -> AffiliateID? {
                let outcome = try await f.affiliates.apply(
                    to: program, AffiliateApplication(email: email, fullName: nil, website: nil, audience: nil, whyInterested: nil, customAlias: nil, recruitedBy: recruitedBy))
                guard case .accepted(let id, _, _) = outcome else { return nil }
                return try f.affiliates.affiliate(testTenant(1), id)?.recruitedBy
            }
            #expect(try await apply("a@x.com", recruitedBy: recruiter.id) == recruiter.id)
            #expect(try await apply("b@x.com", recruitedBy: pendingRecruiter.id) == nil)
            #expect(try await apply("c@x.com", recruitedBy: IDGenerator(clock: SystemClock()).next()) == nil)
            #expect(try await apply("d@x.com", recruitedBy: nil) == nil)
            #expect(try f.affiliates.recruits(testTenant(1), of: recruiter.id).map(\.email) == ["a@x.com"])
            #expect(try f.affiliates.recruits(testTenant(1), of: pendingRecruiter.id).isEmpty)
            #expect(await domainError { _ = try f.affiliates.recruits(testTenant(2), of: recruiter.id) }?.kind == .notFound)
        }
    }
}

@Suite struct RosterImportTests {
    private func request(_ program: ProgramID, _ rows: String, extra: String = "") throws -> RosterImportRequest {
        try RosterImportRequest(json(#"{"programId":"\#(program)","affiliates":[\#(rows)]\#(extra)}"#))
    }

    @Test func importsDedupeMapStatusesAndTallyReasons() async throws {
        try await Fixture.run { f in
            _ = try await f.create(#""email":"existing@x.com","customAlias":"taken-code""#)
            let rows = """
                {"email":"alex@example.com","fullName":"Alex Smith","status":"approved","paypalEmail":"alex@example.com","slug":"alex"},
                {"email":"jordan@example.com","fullName":"Jordan Lee"},
                {"email":"ALEX@example.com"},
                {"email":"existing@x.com"},
                {"email":"weird@example.com","status":"on-hold","slug":"taken-code"},
                {"email":"banned@example.com","status":"banned","slug":"admin"},
                {"fullName":"No Email"},
                {"email":"not-an-email"}
                """
            let job = try await f.affiliates.importRoster(testTenant(1), request(f.program, rows, extra: #","includeStatuses":["approved","pending"]"#))
            #expect(job.total == 8 && job.imported == 3 && job.skipped == 3 && job.errored == 2)
            #expect(job.reasons == ["already_exists": 2, "status_excluded": 1, "missing_email": 1, "invalid_email": 1])
            #expect(job.json.keys == ["jobId", "status", "kind", "total", "imported", "skipped", "errored", "reasons"])
            #expect(try f.affiliates.referral(code: "alex")?.status == .approved)
            let weird = try #require(try f.affiliates.list(testTenant(1), page: PageRequest(), filter: AffiliateFilter(query: "weird")).items.first)
            #expect(weird.status == .pending)
            #expect(weird.links.first?.slug != "taken-code")

            let again = try await f.affiliates.importRoster(testTenant(1), request(f.program, rows, extra: #","includeStatuses":["approved","pending"]"#))
            #expect(again.imported == 0)
            #expect(again.reasons == ["already_exists": 5, "status_excluded": 1, "missing_email": 1, "invalid_email": 1])
            #expect(try f.affiliates.list(testTenant(1), page: PageRequest(take: 200), filter: AffiliateFilter()).items.count == 4)
        }
    }

    @Test func importsRefuseForeignProgramsAndOversizedBatches() async throws {
        try await Fixture.run { f in
            let foreign = await domainError { _ = try await f.affiliates.importRoster(testTenant(2), try request(f.program, #"{"email":"a@x.com"}"#)) }
            #expect(foreign?.code == "program_not_found")
            let rows = (0...RosterImportRequest.rowCap).map { #"{"email":"a\#($0)@x.com"}"# }.joined(separator: ",")
            #expect(await domainError { _ = try request(f.program, rows) }?.code == "row_cap_exceeded")
            #expect(await domainError { _ = try request(f.program, "", extra: #","includeStatuses":["gold"]"#) }?.field == "includeStatuses")
        }
    }
}

extension JSONValue {
    fileprivate var keys: [String] { if case .object(let members) = self { members.map(\.0) } else { [] } }
}
