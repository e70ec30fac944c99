import Billing
import Contracts
import HTTPSupport
import Hummingbird
import Kernel
import Programs

/// Operator actions that span contexts, under `/admin/tenants/{handle}`.
///
/// | method | path                                                    | |
/// |--------|---------------------------------------------------------|-|
/// | POST   | /admin/tenants/{handle}/programs/{id}/verify-domain     | `{ verified }` (default true): the program's custom domain points at Vouch |
enum OperatorRoutes {
    static func add(to admin: RouterGroup<AppRequestContext>, services: VouchServices) {
        admin.post(":handle/programs/:id/verify-domain") { request, context in
            guard let handle = context.parameters.get("handle"), let org = try services.tenants.organization(handle: handle) else {
                throw DomainError.notFound("Tenant")
            }
            let id = try context.id("id", of: ProgramTag.self, what: "Program")
            let buffer = try await request.body.collect(upTo: Request.defaultBodyLimit)
            let verified = buffer.readableBytes == 0 ? true : try FieldReader(try JSONValue.parse(buffer.readableBytesView)).bool("verified").value ?? true
            return try await services.programs.setCustomDomainVerified(org.tenant, id, verified).json
        }
    }
}
