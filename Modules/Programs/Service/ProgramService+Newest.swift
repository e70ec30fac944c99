public import Contracts
public import Kernel

extension ProgramService {
    /// Program ids are UUIDv7, so the records' key order is creation order: the first open one from the end wins.
    public func newestOpenProgram(_ tenant: TenantID) throws -> ProgramSummary? {
        try database.read { store in
            var newest: Program?
            try store.scan(.records, prefix: ProgramKeys.records(tenant).prefix, after: nil, reverse: true) { _, value in
                let program = try RecordCoding.decode(Program.self, from: value)
                if program.isActive, program.archivedAt == nil { newest = program }
                return newest == nil
            }
            return newest?.summary(tenant)
        }
    }
}
