public import Contracts
public import HTTPSupport
public import Hummingbird
import Kernel
import Logging

/// The Passthrough Referrers API of spec/000: its own `{ "success": true, "data": … }` envelope (failures:
/// `PassthroughEnvelope`, which the authentication in front renders them with) and snake_case fields. `account_id` is the tenant handle and must be the API key's own tenant (otherwise 404).
///
/// | method | path                              | scope |
/// |--------|-----------------------------------|-------|
/// | GET    | /passthrough-referrers            | read (`include_inactive`) |
/// | POST   | /passthrough-referrers            | read_write, 201 |
/// | GET    | /passthrough-referrers/{referrer_id} | read |
/// | PATCH  | /passthrough-referrers/{referrer_id} | read_write |
/// | DELETE | /passthrough-referrers/{referrer_id} | read_write, 204 |
public struct PassthroughReferrersController: Sendable {
    let referrers: PassthroughReferrerService
    let tenants: any TenantDirectory

    public init(referrers: PassthroughReferrerService, tenants: any TenantDirectory) {
        self.referrers = referrers
        self.tenants = tenants
    }

    /// Mounts the routes on a group rooted at `/passthrough-referrers`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.get { request, context in
            let account = try account(request, context)
            let includeInactive = try Self.flag(request.query("include_inactive"))
            let all = try referrers.all(context.tenant, includeInactive: true)
            let shown = includeInactive ? all : all.filter(\.isActive)
            return JSONResponse(.ok, Self.success(.object([
                ("referrers", .array(shown.map { $0.json(accountID: account) })),
                ("total", .int(shown.count)),
                ("active_count", .int(all.filter(\.isActive).count)),
            ])))
        }
        group.post { request, context in
            let account = try account(request, context)
            let body = try await request.fields()
            let created = try await referrers.create(context.tenant, PassthroughChanges(body))
            return JSONResponse(.created, Self.success(created.json(accountID: account)))
        }
        group.get(":referrer_id") { request, context in
            let account = try account(request, context)
            guard let referrer = try referrers.referrer(context.tenant, try Self.id(context)) else { throw Self.notFound }
            return JSONResponse(.ok, Self.success(referrer.json(accountID: account)))
        }
        group.patch(":referrer_id") { request, context in
            let account = try account(request, context)
            let id = try Self.id(context)
            let body = try await request.fields()
            let updated = try await referrers.update(context.tenant, id, PassthroughChanges(body))
            return JSONResponse(.ok, Self.success(updated.json(accountID: account)))
        }
        group.delete(":referrer_id") { request, context in
            _ = try account(request, context)
            try await referrers.delete(context.tenant, try Self.id(context))
            return JSONResponse(.noContent, .null)
        }
    }

    static var notFound: DomainError { DomainError.notFound("Passthrough referrer") }

    /// The handle in `account_id`, which must name the caller's own tenant.
    private func account(_ request: Request, _ context: some TenantRequestContext) throws -> String {
        guard let account = request.query("account_id"), !account.isEmpty else {
            throw DomainError.validation("account_id", "account_id is required")
        }
        guard try tenants.tenant(context.tenant)?.handle == account else { throw DomainError.notFound("Account") }
        return account
    }

    private static func success(_ data: JSONValue) -> JSONValue { .object([("success", .bool(true)), ("data", data)]) }

    private static func id(_ context: some RequestContext) throws -> UInt64 {
        guard let raw = context.parameters.get("referrer_id"), let id = UInt64(raw) else { throw notFound }
        return id
    }

    private static func flag(_ value: String?) throws(DomainError) -> Bool {
        switch value?.lowercased() {
        case nil, "false", "0": false
        case "true", "1": true
        default: throw DomainError.validation("include_inactive", "include_inactive must be true or false")
        }
    }
}
