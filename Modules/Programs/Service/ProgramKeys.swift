import Contracts
import Kernel

/// Where programs live in the store.
enum ProgramKeys {
    static func records(_ tenant: TenantID) -> Keyspace { .tenant(tenant, recordsName) }
    /// Slugs of the tenant's live (not archived) programs → program id. Archiving frees the slug.
    static func slugs(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "program-slug") }
    /// Custom domains of every tenant → tenant number and program id: a host names one program in the deployment.
    static let customDomains = Keyspace.global("program-custom-domain")
    /// Program id → tenant number, for public routes that name a program by id alone.
    static let owners = Keyspace.global(ownersName)

    /// The collections a program's summary by id is read from.
    static let summarySources: [(table: Table, name: String)] = [(.records, recordsName), (.indexes, ownersName)]
    private static let recordsName = "program"
    private static let ownersName = "program-tenant"

    static func domainValue(_ tenant: TenantID, _ id: ProgramID) -> [UInt8] {
        tenant.bytes + id.bytes
    }
}
