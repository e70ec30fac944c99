public import HTTPSupport
public import Hummingbird
import Contracts
import Kernel

/// `GET /api/v1/r/install-snippet` (key, read; the Starter+ gate is applied where it is mounted).
/// Query: `programId` (defaults to the newest open program), `withPixel` (`true`/`false`).
public struct InstallSnippetController: Sendable {
    let snippets: InstallSnippetService

    public init(snippets: InstallSnippetService) { self.snippets = snippets }

    /// Mounts the route on a group rooted at `/api/v1/r/install-snippet`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.get { request, context in
            let programID = try request.query("programId").map { raw throws(DomainError) in
                guard let id = ProgramID(raw) else { throw DomainError.validation("programId", "programId must be a program id (a UUID)") }
                return id
            }
            let withPixel: Bool
            switch request.query("withPixel") {
            case nil, "false": withPixel = false
            case "true": withPixel = true
            default: throw DomainError.validation("withPixel", "withPixel must be true or false")
            }
            return try snippets.snippet(context.tenant, programID: programID, withPixel: withPixel)
        }
    }
}
