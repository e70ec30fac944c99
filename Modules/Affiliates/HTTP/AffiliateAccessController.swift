public import HTTPSupport
public import Hummingbird
import Contracts
import Kernel

/// Tokens that let an affiliate read their own insights (`/api/me/insights/{module}`), issued by the brand (an
/// extension of the spec; see the README).
///
/// | method | path                                      | notes |
/// |--------|-------------------------------------------|-------|
/// | POST   | /api/v1/affiliates/{id}/insights-token    | `{ expiresInHours? }` (1–8760, default 720), 201 with the token, shown once |
/// | DELETE | /api/v1/affiliates/{id}/insights-token    | revokes it; `{ ok, revoked }` |
public struct AffiliateAccessController<Context: TenantRequestContext>: Sendable {
    let access: AffiliateAccessService

    public init(access: AffiliateAccessService) { self.access = access }

    /// Mounts the routes on a group rooted at `/api/v1/affiliates`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.post(":id/insights-token") { request, context in
            let id = try Self.id(context)
            let body = try await request.fields()
            let hours = try body.integer("expiresInHours", in: 1...Int64(AffiliateAccessService.maxLifetimeHours)).value
            let issued = try await access.issue(context.tenant, id, lifetimeHours: hours.map(Int.init))
            return JSONResponse(
                .created,
                .object([("affiliateId", .string(id.description)), ("token", .string(issued.token)), ("expiresAt", .string(Timestamp.format(issued.expiresAt)))]))
        }
        group.delete(":id/insights-token") { _, context in
            let revoked = try await access.revoke(context.tenant, try Self.id(context))
            return JSONValue.object([("ok", .bool(true)), ("revoked", .bool(revoked))])
        }
    }

    private static func id(_ context: Context) throws -> AffiliateID {
        try context.id("id", of: AffiliateTag.self, what: "Affiliate")
    }
}
