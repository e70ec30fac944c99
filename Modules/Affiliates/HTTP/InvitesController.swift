import Contracts
public import HTTPSupport
public import Hummingbird
import Kernel

/// Affiliate invites.
///
/// | method | path                                              | who | notes |
/// |--------|---------------------------------------------------|-----|-------|
/// | POST   | /api/affiliate-invites                            | key | 201 `{ invite, acceptUrl }`; every plan |
/// | POST   | /api/affiliate-invites/bulk                       | key | Starter+ with an Active subscription |
/// | GET    | /api/affiliate-invites                            | key | `programId`, `state` |
/// | POST   | /api/affiliate-invites/{id}/resend                | key | rotates the token |
/// | DELETE | /api/affiliate-invites/{id}                       | key | revokes |
/// | GET    | /api/affiliate-invites/by-token/{token}           | anyone | preview |
/// | POST   | /api/affiliate-invites/by-token/{token}/accept    | anyone | idempotent |
public struct InvitesController: Sendable {
    let invites: InviteService

    public init(invites: InviteService) { self.invites = invites }

    /// Mounts the brand's routes on a group rooted at `/api/affiliate-invites`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.post { request, context in
            let body = try await request.fields()
            let input = try NewInvite(body)
            let (invite, url) = try await invites.create(context.tenant, input)
            return JSONResponse(.created, envelope(invite, context.tenant, url))
        }
        group.post("bulk") { request, context in
            try context.requirePaidPlan(.starter)
            let body = try await request.fields()
            let input = try BulkInvite(body)
            let result = try await invites.bulk(context.tenant, input)
            let now = invites.clock.now()
            return JSONValue.object([
                ("created", .int(result.created)),
                ("skipped", .int(result.skipped)),
                ("invites", .array(result.invites.map { $0.json(programName: invites.programName(context.tenant, $0.programID), now: now) })),
                (
                    "slugConflicts",
                    .array(result.slugConflicts.map {
                        .object([("email", .string($0.email)), ("requestedSlug", .string($0.requestedSlug)), ("reason", .string($0.reason))])
                    })
                ),
            ])
        }
        group.get { request, context in
            let programID = try request.query("programId").map { (raw) throws(DomainError) -> ProgramID in
                guard let id = ProgramID(raw) else { throw DomainError.validation("programId", "programId must be a program id") }
                return id
            }
            let state = try request.query("state").map { (raw) throws(DomainError) -> InviteState in
                guard let state = InviteState(rawValue: raw) else {
                    throw DomainError.validation("state", "state must be one of Pending | Accepted | Expired | Revoked")
                }
                return state
            }
            let page = try invites.list(context.tenant, page: try request.pageRequest(), programID: programID, state: state)
            let now = invites.clock.now()
            return page.json { $0.json(programName: invites.programName(context.tenant, $0.programID), now: now) }
        }
        group.post(":id/resend") { _, context in
            let id = try context.id("id", of: InviteTag.self, what: "Invite")
            let (invite, url) = try await invites.resend(context.tenant, id)
            return envelope(invite, context.tenant, url)
        }
        group.delete(":id") { _, context in
            let id = try context.id("id", of: InviteTag.self, what: "Invite")
            try await invites.revoke(context.tenant, id)
            return Response(status: .noContent)
        }
    }

    /// Mounts the anonymous routes on a group rooted at `/api/affiliate-invites/by-token`.
    public func addPublicRoutes<Context: RequestContext>(to group: RouterGroup<Context>) {
        group.get(":token") { _, context in
            guard let token = context.parameters.get("token"), let (invite, program, brand) = try invites.preview(token: token),
                invite.state(at: invites.clock.now()) != .revoked
            else { throw DomainError.notFound("Invite") }
            return JSONValue.object([
                ("brandName", .string(brand.name)),
                ("programName", .string(program.name)),
                ("programDescription", .string(program.description)),
                ("email", .string(invite.email)),
                ("fullName", .string(invite.fullName)),
                ("state", .string(invite.state(at: invites.clock.now()).rawValue)),
                ("expiresAt", .timestamp(invite.expiresAt)),
            ])
        }
        group.post(":token/accept") { _, context in
            guard let token = context.parameters.get("token") else { throw DomainError.notFound("Invite") }
            let accepted = try await invites.accept(token: token)
            let link = accepted.affiliate.links.first
            return JSONValue.object([
                ("affiliateId", .string(accepted.affiliate.id.description)),
                ("status", .string(accepted.affiliate.status.rawValue)),
                ("affiliateLinkSlug", .string(link?.slug)),
                ("warnings", .array(accepted.slugKept ? [] : [.string("requested_slug_unavailable")])),
            ])
        }
    }

    private func envelope(_ invite: Invite, _ tenant: TenantID, _ url: String) -> JSONValue {
        .object([("invite", invite.json(programName: invites.programName(tenant, invite.programID), now: invites.clock.now())), ("acceptUrl", .string(url))])
    }
}
