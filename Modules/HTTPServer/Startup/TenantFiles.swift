import Billing
import Foundation
import Kernel
import Logging
import Programs

/// Applies `tenants/<handle>.json` files at start-up, so a deployment can be described in files.
///
/// A file holds the admin API's tenant fields plus `programs`, a list of Programs API create bodies that must carry a
/// `slug`. Applying is idempotent: a missing tenant is created and an existing one takes the file's fields; a
/// program is created only when the tenant has no live program with its slug, so changes made through the API
/// afterwards are kept.
enum TenantFiles {
    static func apply(directory: String, tenants: TenantRegistry, programs: ProgramService, logger: Logger) async throws {
        let url = URL(fileURLWithPath: directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names.sorted() where name.hasSuffix(".json") {
            do {
                try await applyFile(url.appendingPathComponent(name), tenants: tenants, programs: programs)
                logger.info("applied tenant file", metadata: ["file": "\(name)"])
            } catch {
                throw TenantFileError(file: name, underlying: error)
            }
        }
    }

    private static func applyFile(_ url: URL, tenants: TenantRegistry, programs: ProgramService) async throws {
        let body = try JSONValue.parse(try Data(contentsOf: url))
        let fields = try FieldReader(body)
        guard let handle = try fields.string("handle", maxLength: 63).value else { throw DomainError.validation("handle", "handle is required") }
        let changes = try OrganizationChanges(fields)
        let org =
            if try tenants.organization(handle: handle) == nil {
                try await tenants.create(handle: handle, changes)
            } else {
                try await tenants.update(handle: handle, changes)
            }
        guard case .array(let programBodies)? = body["programs"] else { return }
        for (index, programBody) in programBodies.enumerated() {
            guard let slug = programBody["slug"]?.stringValue else { throw DomainError.validation("programs[\(index)].slug", "slug is required") }
            if try programs.program(org.tenant, slug: slug) == nil {
                _ = try await programs.create(org.tenant, ProgramChanges(try FieldReader(programBody)))
            }
        }
    }
}

struct TenantFileError: Error, CustomStringConvertible {
    let file: String
    let underlying: any Error
    var description: String { "tenant file \(file): \(underlying)" }
}
