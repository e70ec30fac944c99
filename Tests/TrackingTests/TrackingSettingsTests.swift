import Foundation
import Kernel
import TestSupport
import Testing
import Tracking

@Suite struct AttributionParamsTests {
    @Test func customParamsComeFirstAndAreValidated() async throws {
        #expect(AttributionParams.defaults.count == 16)
        #expect(AttributionParams.effectiveOrder(custom: ["myparam", "via"]).prefix(3) == ["myparam", "via", "ref"])
        #expect(AttributionParams.effectiveOrder(custom: []).suffix(2) == ["r", "a"])
        #expect(try AttributionParams.parse(" myparam , brand_ref,,myparam") == ["myparam", "brand_ref"])
        #expect(try AttributionParams.parse(nil).isEmpty && (try AttributionParams.parse("")).isEmpty)
        #expect(await domainError { _ = try AttributionParams.parse(String(repeating: "ab,", count: 90)) }?.code == "attribution_params_too_long")
        #expect(await domainError { _ = try AttributionParams.parse((0..<11).map { "p\($0)" }.joined(separator: ",")) }?.code == "too_many_attribution_params")
        let invalid = await domainError { _ = try AttributionParams.parse("ok_1,x,Bad,with space") }
        #expect(invalid?.code == "invalid_attribution_param")
        #expect(invalid?.envelope["invalid"] == .array([.string("x"), .string("Bad"), .string("with space")]))
    }
}

@Suite struct PassthroughReferrerServiceTests {
    @Test func hostsMatchTheirDomainOrAParentAndOnlyActiveRules() async throws {
        try await withTemporaryDatabase { database, _ in
            let service = PassthroughReferrerService(database: database, clock: SystemClock())
            func changes(_ json: String) throws -> PassthroughChanges { try PassthroughChanges(FieldReader(JSONValue.parse(Array(json.utf8)))) }
            func match(_ tenant: TenantID, _ host: String) throws -> PassthroughReferrer? {
                try database.read { store in try service.match(tenant, host: host, in: store) }
            }
            let mirai = try await service.create(testTenant(1), changes(#"{"domain":"https://Booking.Mirai.com/path","utm_source":"mirai"}"#))
            #expect(mirai.domain == "booking.mirai.com" && mirai.utmMedium == "passthrough" && mirai.id == 1)
            #expect(try match(testTenant(1), "eu.booking.mirai.com")?.id == mirai.id)
            #expect(try match(testTenant(1), "mirai.com") == nil)
            #expect(try match(testTenant(2), "booking.mirai.com") == nil)
            _ = try await service.update(testTenant(1), mirai.id, changes(#"{"is_active":false}"#))
            #expect(try match(testTenant(1), "booking.mirai.com") == nil)
            #expect(await domainError { _ = try await service.create(testTenant(1), try changes(#"{"domain":"booking.mirai.com","utm_source":"x"}"#)) }?.code == "domain_already_exists")
            #expect(await domainError { _ = try await service.create(testTenant(1), try changes(#"{"domain":"stripe.com"}"#)) }?.field == "utm_source")
            #expect(try await service.create(testTenant(1), changes(#"{"domain":"checkout.stripe.com","utm_source":"stripe"}"#)).id == 2)
        }
    }
}
