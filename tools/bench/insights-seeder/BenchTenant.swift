import Affiliates
import Billing
import Contracts
import Foundation
import Kernel
import Programs
import Synchronization

/// The bench tenant's three programs, each on its own website. Affiliate `n` belongs to `of(n)`: seven in ten to
/// the shop, whose sales wait for review; the others approve automatically.
enum BenchProgram: Int, CaseIterable, Sendable {
    case shop, apps, partners

    static func of(_ affiliate: Int) -> BenchProgram { affiliate % 10 < 7 ? .shop : affiliate % 10 < 9 ? .apps : .partners }

    var domain: String { "\(self).example" }

    var createBody: JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string("\(self)".capitalized)), ("slug", .string("\(self)")), ("websiteDomain", .string(domain)),
            ("cookieWindowDays", .int(30)), ("recurringMonths", .int(-1)), ("autoApprove", .bool(self != .shop)),
        ]
        switch self {
        case .shop, .apps:
            members += [("defaultCommissionType", .string("Percentage")), ("defaultCommissionValue", .int(self == .shop ? 20 : 30))]
        case .partners:
            members += [("defaultCommissionType", .string("Fixed")), ("defaultCommissionValue", .int(15))]
        }
        return .object(members)
    }
}

/// The tenant `bench` (Pro, USD) with its programs, affiliates `aff0`…, coupon codes `AFF0`… for the busiest
/// affiliates, and a signing secret for S2S sales.
struct BenchTenant: Sendable {
    let tenant: TenantID
    let programs: [ProgramID]
    let affiliates: [AffiliateID]
    let coupons: Int
    let signingSecret: String

    func program(of affiliate: Int) -> ProgramID { programs[BenchProgram.of(affiliate).rawValue] }

    static func create(in services: SeedServices, affiliates count: Int, coupons: Int, tasks: Int, at time: Date) async throws -> BenchTenant {
        try await HistoricalClock.$current.withValue(time) {
            let organization = try await services.tenants.create(
                handle: "bench",
                OrganizationChanges(FieldReader(.object([
                    ("name", .string("Bench")), ("planTier", .string("Pro")), ("subscriptionStatus", .string("Active")),
                    ("homeCurrency", .string("USD")), ("timezone", .string("UTC")),
                ]))))
            let tenant = organization.tenant
            var programs: [ProgramID] = []
            for program in BenchProgram.allCases {
                programs.append(try await services.programs.create(tenant, ProgramChanges(FieldReader(program.createBody))).id)
            }
            let ids = Mutex<[Int: AffiliateID]>([:])
            try await forEachConcurrently(Array(0..<count), tasks: tasks) { [programs] n in
                let body: JSONValue = .object([
                    ("programId", .string(programs[BenchProgram.of(n).rawValue].description)), ("email", .string("aff\(n)@example.com")),
                    ("fullName", .string("Affiliate \(n)")), ("status", .string("Approved")), ("customAlias", .string("aff\(n)")),
                ])
                let affiliate = try await services.affiliates.create(tenant, NewAffiliate(FieldReader(body)))
                if n < coupons { _ = try await services.affiliates.addCoupon(tenant, to: affiliate.id, code: "AFF\(n)") }
                ids.withLock { $0[n] = affiliate.id }
            }
            let secret = try await services.credentials.createSigningSecret(for: tenant)
            let affiliates = ids.withLock { ids in (0..<count).map { ids[$0]! } }
            return BenchTenant(tenant: tenant, programs: programs, affiliates: affiliates, coupons: coupons, signingSecret: secret.secret)
        }
    }
}
