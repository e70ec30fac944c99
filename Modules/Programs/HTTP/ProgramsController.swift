import Contracts
public import Hummingbird
public import HTTPSupport
import Kernel

/// The Programs API. The Starter+ gate of the family is applied where the routes are mounted.
///
/// | method | path                                        | scope      | notes |
/// |--------|---------------------------------------------|------------|-------|
/// | GET    | /api/v1/programs                            | read       | newest first; `take`, `cursor`, `includeArchived` |
/// | POST   | /api/v1/programs                            | read_write | 201 |
/// | GET    | /api/v1/programs/{id}                       | read       | archived ones too |
/// | PATCH  | /api/v1/programs/{id}                       | read_write | only sent keys change |
/// | DELETE | /api/v1/programs/{id}                       | read_write | soft delete, 204 |
/// | GET    | /api/v1/programs/{id}/sub-affiliate-config  | read       | |
/// | PUT    | /api/v1/programs/{id}/sub-affiliate-config  | read_write | Pro+ |
public struct ProgramsController<Context: TenantRequestContext>: Sendable {
    let programs: ProgramService

    public init(programs: ProgramService) { self.programs = programs }

    /// Mounts the routes on a group rooted at `/api/v1/programs`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get { request, context in
            let includeArchived = try Self.flag(request.query("includeArchived"), "includeArchived")
            return try programs.list(context.tenant, page: try request.pageRequest(), includeArchived: includeArchived).json(\.json)
        }
        group.post { request, context in
            let changes = try ProgramChanges(try await request.fields())
            return JSONResponse(.created, try await programs.create(context.tenant, changes).json)
        }
        group.get(":id") { _, context in
            guard let program = try programs.program(context.tenant, try Self.id(context)) else { throw DomainError.notFound("Program") }
            return program.json
        }
        group.patch(":id") { request, context in
            let id = try Self.id(context)
            let changes = try ProgramChanges(try await request.fields())
            return try await programs.update(context.tenant, id, changes).json
        }
        group.delete(":id") { _, context in
            try await programs.archive(context.tenant, try Self.id(context))
            return Response(status: .noContent)
        }
        group.get(":id/sub-affiliate-config") { _, context in
            let id = try Self.id(context)
            return try programs.subAffiliateConfig(context.tenant, id).json
        }
        group.put(":id/sub-affiliate-config") { request, context in
            try context.requirePlan(.pro)
            let id = try Self.id(context)
            let change = try SubAffiliateChange(try await request.fields())
            return try await programs.setSubAffiliateConfig(context.tenant, id, change).json
        }
    }

    private static func id(_ context: Context) throws -> ProgramID {
        try context.id("id", of: ProgramTag.self, what: "Program")
    }

    private static func flag(_ value: String?, _ name: String) throws(DomainError) -> Bool {
        switch value {
        case nil, "false": false
        case "true": true
        default: throw DomainError.validation(name, "\(name) must be true or false")
        }
    }
}
