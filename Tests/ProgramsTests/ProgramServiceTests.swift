import Contracts
import Foundation
import Kernel
import Programs
import TestSupport
import Testing

@Suite struct ProgramServiceTests {
    private func changes(_ json: String) throws -> ProgramChanges {
        try ProgramChanges(try FieldReader(try JSONValue.parse(Array(json.utf8))))
    }

    private func withService(_ body: (ProgramService, Database) async throws -> Void) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withTemporaryDatabase(clock: clock) { database, _ in
            try await body(ProgramService(database: database, clock: clock, ids: IDGenerator(clock: clock)), database)
        }
    }

    @Test func createFillsDefaultsAndDerivesANumberedSlugFromTheName() async throws {
        try await withService { service, _ in
            let first = try await service.create(testTenant(1), changes(#"{"name":"Holiday Promo 2026!","defaultCommissionValue":30}"#))
            let second = try await service.create(testTenant(1), changes(#"{"name":"Holiday promo 2026","defaultCommissionValue":30}"#))
            #expect(first.slug == "holiday-promo-2026")
            #expect(second.slug == "holiday-promo-2026-2")
            #expect(first.defaultCommissionType == .percentage)
            #expect(first.defaultCommissionModel == .cps)
            #expect(first.attributionModel == .lastTouch)
            #expect(first.cookieWindowDays == 30)
            #expect(first.recurringMonths == nil)
            #expect(first.isActive && !first.autoApprove && first.isPubliclyDiscoverable)
            #expect(first.networkVisibility == .private)
        }
    }

    @Test func requiredFieldsAndCrossFieldRulesAreValidated() async throws {
        try await withService { service, _ in
            let cases: [(String, String)] = [
                (#"{"defaultCommissionValue":5}"#, "name"),
                (#"{"name":"A"}"#, "defaultCommissionValue"),
                (#"{"name":"A","defaultCommissionValue":101}"#, "defaultCommissionValue"),
                (#"{"name":"A","defaultCommissionValue":10.123}"#, "defaultCommissionValue"),
                (#"{"name":"A","defaultCommissionValue":10,"slug":"Bad Slug"}"#, "slug"),
                (#"{"name":"A","defaultCommissionValue":10,"slug":"-x"}"#, "slug"),
                (#"{"name":"A","defaultCommissionValue":10,"cookieWindowDays":0}"#, "cookieWindowDays"),
                (#"{"name":"A","defaultCommissionValue":10,"termsUrl":"ftp://x"}"#, "termsUrl"),
                (#"{"name":"A","defaultCommissionValue":10,"websiteDomain":"not a domain"}"#, "websiteDomain"),
                (#"{"name":"A","defaultCommissionValue":10,"defaultCommissionModel":"Cpm"}"#, "defaultCommissionModel"),
                (#"{"name":"A","defaultCommissionValue":10,"isActive":"yes"}"#, "isActive"),
                (#"{"name":null,"defaultCommissionValue":10}"#, "name"),
                (#"{"name":"A","defaultCommissionValue":10,"networkVisibility":"Everyone"}"#, "networkVisibility"),
            ]
            for (body, field) in cases {
                let error = await domainError { _ = try await service.create(testTenant(1), try changes(body)) }
                #expect(error?.code == "validation_failed", "\(body)")
                #expect(error?.field == field, "\(body)")
            }
            let fixed = try await service.create(testTenant(1), changes(#"{"name":"F","defaultCommissionType":"Fixed","defaultCommissionValue":250.5}"#))
            #expect(fixed.defaultCommissionHundredths == 25_050)
        }
    }

    @Test func legacyModelsAreKeptAsSentAndBehaveAsCps() async throws {
        try await withService { service, _ in
            for model in ["Cpa", "RevShare", "Hybrid"] {
                let program = try await service.create(testTenant(1), changes(#"{"name":"\#(model)","defaultCommissionValue":5,"defaultCommissionModel":"\#(model)"}"#))
                #expect(program.defaultCommissionModel.rawValue == model)
                #expect(program.defaultCommissionModel.effective == .cps)
            }
        }
    }

    @Test func patchChangesOnlySentKeys() async throws {
        try await withService { service, _ in
            let created = try await service.create(
                testTenant(1), changes(#"{"name":"A","defaultCommissionValue":20,"recurringMonths":12,"description":"d","websiteDomain":"https://Shop.Example.com/"}"#))
            #expect(created.websiteDomain == "shop.example.com")
            let patched = try await service.update(testTenant(1), created.id, changes(#"{"defaultCommissionValue":35,"networkVisibility":"Public"}"#))
            #expect(patched.defaultCommissionHundredths == 3_500)
            #expect(patched.networkVisibility == .networked)
            #expect(patched.name == "A" && patched.description == "d" && patched.recurringMonths == 12)
            let lifetime = try await service.update(testTenant(1), created.id, changes(#"{"recurringMonths":-1,"description":null}"#))
            #expect(lifetime.recurringMonths == nil)
            #expect(lifetime.description == nil)
            #expect(lifetime.name == "A")
        }
    }

    @Test func changingTheCustomDomainResetsItsVerification() async throws {
        try await withService { service, database in
            let program = try await service.create(testTenant(1), changes(#"{"name":"A","defaultCommissionValue":20,"customDomain":"go.brand.com"}"#))
            // Mark it verified as the verification flow will, straight in the store.
            try await database.write { store, _ in
                var verified = program
                verified.customDomainVerified = true
                try store.put(.records, Keyspace.tenant(testTenant(1), "program").key(program.id), RecordCoding.encode(verified))
            }
            let same = try await service.update(testTenant(1), program.id, changes(#"{"customDomain":"go.brand.com","name":"B"}"#))
            #expect(same.customDomainVerified)
            let moved = try await service.update(testTenant(1), program.id, changes(#"{"customDomain":"aff.brand.com"}"#))
            #expect(!moved.customDomainVerified)
            #expect(moved.customDomain == "aff.brand.com")
        }
    }

    @Test func slugsAndCustomDomainsAreUniqueAndArchivingFreesThem() async throws {
        try await withService { service, _ in
            let a = try await service.create(testTenant(1), changes(#"{"name":"A","slug":"main","defaultCommissionValue":20,"customDomain":"go.a.com"}"#))
            let taken = await domainError { _ = try await service.create(testTenant(1), try changes(#"{"name":"B","slug":"main","defaultCommissionValue":20}"#)) }
            #expect(taken?.code == "slug_already_taken")
            #expect(taken?.kind == .conflict)
            let otherTenant = try await service.create(testTenant(2), changes(#"{"name":"B","slug":"main","defaultCommissionValue":20}"#))
            #expect(otherTenant.slug == "main")
            let domain = await domainError {
                _ = try await service.update(testTenant(2), otherTenant.id, try changes(#"{"customDomain":"go.a.com"}"#))
            }
            #expect(domain?.code == "custom_domain_taken")

            try await service.archive(testTenant(1), a.id)
            let archived = try #require(try service.program(testTenant(1), a.id))
            #expect(archived.archivedAt != nil)
            let reused = try await service.create(testTenant(1), changes(#"{"name":"C","slug":"main","defaultCommissionValue":20,"customDomain":"go.a.com"}"#))
            #expect(reused.slug == "main")
            let frozen = await domainError { _ = try await service.update(testTenant(1), a.id, try changes(#"{"name":"again"}"#)) }
            #expect(frozen?.code == "program_archived")
            try await service.archive(testTenant(1), a.id)  // a second archive is a no-op
            #expect(try service.program(testTenant(1), a.id)?.archivedAt == archived.archivedAt)
        }
    }

    @Test func listsAreNewestFirstPaginatedAndHideArchived() async throws {
        try await withService { service, _ in
            var ids: [ProgramID] = []
            for number in 0..<5 {
                ids.append(try await service.create(testTenant(1), changes(#"{"name":"P\#(number)","defaultCommissionValue":20}"#)).id)
            }
            try await service.archive(testTenant(1), ids[2])
            let first = try service.list(testTenant(1), page: PageRequest(take: 2))
            #expect(first.items.map(\.id) == [ids[4], ids[3]])
            let second = try service.list(testTenant(1), page: PageRequest(take: 2, cursor: first.nextCursor))
            #expect(second.items.map(\.id) == [ids[1], ids[0]])
            #expect(!second.hasMore)
            #expect(try service.list(testTenant(1), page: PageRequest(), includeArchived: true).items.count == 5)
            #expect(try service.list(testTenant(2), page: PageRequest()).items.isEmpty)
        }
    }

    @Test func anotherTenantsProgramIsNotFound() async throws {
        try await withService { service, _ in
            let program = try await service.create(testTenant(1), changes(#"{"name":"A","defaultCommissionValue":20}"#))
            #expect(try service.program(testTenant(2), program.id) == nil)
            let patch = await domainError { _ = try await service.update(testTenant(2), program.id, try changes(#"{"name":"stolen"}"#)) }
            #expect(patch?.kind == .notFound)
            let archive = await domainError { try await service.archive(testTenant(2), program.id) }
            #expect(archive?.kind == .notFound)
            #expect(try service.program(testTenant(1), program.id)?.name == "A")
        }
    }

    @Test func subAffiliatePercentMustBeWithinZeroAndHundred() async throws {
        try await withService { service, _ in
            let program = try await service.create(testTenant(1), changes(#"{"name":"A","defaultCommissionValue":20}"#))
            #expect(try service.subAffiliateConfig(testTenant(1), program.id) == .off)
            for bad in ["101", "-1", "100.5"] {
                let error = await domainError {
                    _ = try await service.setSubAffiliateConfig(testTenant(1), program.id, SubAffiliateChange(FieldReader(JSONValue.parse(Array(#"{"enabled":true,"percent":\#(bad)}"#.utf8)))))
                }
                #expect(error?.code == "unsupported_value")
                #expect(error?.field == "percent")
            }
            let config = try await service.setSubAffiliateConfig(
                testTenant(1), program.id, SubAffiliateChange(FieldReader(JSONValue.parse(Array(#"{"enabled":true,"percent":10}"#.utf8)))))
            #expect(config == SubAffiliateConfig(enabled: true, percentHundredths: 1_000))
            #expect(config.json == .object([("enabled", .bool(true)), ("percent", .double(10))]))
        }
    }
}
