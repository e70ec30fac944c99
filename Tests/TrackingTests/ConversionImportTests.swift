import Contracts
import Foundation
import Kernel
import TestSupport
import Testing

@testable import Tracking

@Suite struct ConversionImportTests {
    @Test func oneImportRunsPerTenantAtATime() async throws {
        try await withTemporaryDatabase { database, _ in
            let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
            let f = LedgerFixture(database: database, clock: clock)
            let program = f.directory.addProgram()
            f.directory.addAffiliate("jane@example.com", program: program)
            let importer = ConversionImporter(database: database, clock: clock, ids: IDGenerator(clock: clock), programs: f.directory, affiliates: f.directory)
            let body = #"{"programId":"\#(program)","conversions":[{"affiliateEmail":"jane@example.com","amountCents":100,"commissionCents":10,"currency":"USD","occurredAt":"2025-01-01T00:00:00Z"}]}"#
            let request = try ConversionImportRequest(FieldReader(JSONValue.parse(Array(body.utf8))))
            // The roster import holds the same lock by name.
            let roster = TenantLock(name: "import", lease: 600, database: database, clock: clock)
            let busy = DomainError.conflict("busy", "held by the test")
            try await roster.withLock(f.tenant, busy: busy) {
                let refused = await domainError { _ = try await importer.run(f.tenant, request) }
                #expect(refused?.code == "migration_already_in_progress" && refused?.kind == .conflict)
            }
            #expect(try await importer.run(f.tenant, request)["imported"] == .int(1))
        }
    }
}
