public import Contracts
import HTTPSupport
public import Hummingbird
import Kernel

/// The public storefront's JSON API: anonymous, rate limited per client address where it is mounted.
///
/// | method | path                                   | answer |
/// |--------|----------------------------------------|--------|
/// | GET    | /api/p/by-handle/{handle}              | the tenant's primary program |
/// | GET    | /api/p/by-handle/{handle}/{campaign}   | a program by slug |
/// | GET    | /api/p/by-domain?host=                 | `{ handle, slug }` of a verified custom domain |
/// | POST   | /api/p/id/{programId}/apply            | an application |
///
/// Unknown handles, inactive or archived programs and unverified domains are all the same 404.
public struct StorefrontController<Context: RequestContext>: Sendable {
    let tenants: any TenantDirectory
    let programs: any ProgramDirectory
    let applications: any AffiliateApplications

    public init(tenants: any TenantDirectory, programs: any ProgramDirectory, applications: any AffiliateApplications) {
        self.tenants = tenants
        self.programs = programs
        self.applications = applications
    }

    /// Mounts the routes on a group rooted at `/api/p`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get("by-handle/:handle") { _, context in
            let tenant = try tenant(context)
            return try page(tenant, try programs.primaryProgram(tenant.tenant))
        }
        group.get("by-handle/:handle/:campaign") { _, context in
            let tenant = try tenant(context)
            let slug = context.parameters.get("campaign") ?? ""
            return try page(tenant, try programs.programSummary(tenant.tenant, slug: slug))
        }
        group.get("by-domain") { request, _ in
            guard let host = request.query("host"), !host.isEmpty else { throw DomainError.validation("host", "host is required") }
            guard let program = try programs.programSummary(verifiedDomain: host), program.isOpen,
                let tenant = try tenants.tenant(program.tenant)
            else { throw Self.notFound }
            return JSONValue.object([("handle", .string(tenant.handle)), ("slug", .string(program.slug))])
        }
        group.post("id/:programId/apply") { request, context in
            guard let id = context.parameters.get("programId").flatMap({ ProgramID($0) }),
                let program = try programs.programSummary(id), program.isOpen
            else { throw Self.notFound }
            let body = try await request.fields()
            let application = try ApplicationForm.read(body)
            let outcome = try await applications.apply(to: program, application)
            return Self.answer(outcome)
        }
    }

    static var notFound: DomainError { DomainError.notFound("Program") }

    private func tenant(_ context: Context) throws -> TenantSummary {
        guard let handle = context.parameters.get("handle"), let tenant = try tenants.tenant(handle: handle) else { throw Self.notFound }
        return tenant
    }

    /// The program as the affiliate-facing landing page shows it; no tenant id is exposed.
    private func page(_ tenant: TenantSummary, _ program: ProgramSummary?) throws -> JSONValue {
        guard let program, program.isOpen else { throw Self.notFound }
        return .object([
            ("id", .string(program.id.description)),
            ("organizationName", .string(tenant.name)),
            ("name", .string(program.name)),
            ("slug", .string(program.slug)),
            ("description", .string(program.description)),
            ("termsUrl", .string(program.termsUrl)),
            ("customAliasSupported", .bool(true)),
        ])
    }

    private static func answer(_ outcome: ApplicationOutcome) -> JSONValue {
        switch outcome {
        case .accepted(let id, let status, let slug):
            .object([
                ("affiliateId", .string(id.description)),
                ("status", .string(status.rawValue)),
                ("affiliateLinkSlug", .string(slug)),
                ("message", .string(status == .approved ? "Welcome aboard." : "Application received.")),
            ])
        case .duplicate:
            .object([("ok", .bool(true)), ("message", .string("application_received"))])
        }
    }
}
