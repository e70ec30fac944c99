import Contracts
import Foundation
import Kernel
import Programs
import TestSupport
import Testing

@Suite struct NewestOpenProgramTests {
    private func changes(_ json: String) throws -> ProgramChanges {
        try ProgramChanges(try FieldReader(try JSONValue.parse(Array(json.utf8))))
    }

    @Test func theNewestActiveUnarchivedProgramOfTheTenantWins() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withTemporaryDatabase(clock: clock) { database, _ in
            let service = ProgramService(database: database, clock: clock, ids: IDGenerator(clock: clock))
            let directory: any ProgramDirectory = service
            #expect(try directory.newestOpenProgram(testTenant(1)) == nil)
            let first = try await service.create(testTenant(1), changes(#"{"name":"First","defaultCommissionValue":10}"#))
            let second = try await service.create(testTenant(1), changes(#"{"name":"Second","defaultCommissionValue":10}"#))
            let third = try await service.create(testTenant(1), changes(#"{"name":"Third","defaultCommissionValue":10}"#))
            _ = try await service.create(testTenant(2), changes(#"{"name":"Other tenant","defaultCommissionValue":10}"#))
            #expect(try directory.newestOpenProgram(testTenant(1))?.id == third.id)
            try await service.archive(testTenant(1), third.id)
            _ = try await service.update(testTenant(1), second.id, changes(#"{"isActive":false}"#))
            #expect(try directory.newestOpenProgram(testTenant(1))?.id == first.id)
            try await service.archive(testTenant(1), first.id)
            #expect(try directory.newestOpenProgram(testTenant(1)) == nil)
        }
    }
}
