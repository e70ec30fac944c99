public import Hummingbird
import HTTPSupport
import Kernel

/// The operator's API, behind `VOUCH_ADMIN_TOKEN` (checked by the server before these routes).
///
/// | method | path                                            | answer |
/// |--------|-------------------------------------------------|--------|
/// | POST   | /admin/tenants                                  | 201 organization |
/// | GET    | /admin/tenants                                  | 200 list |
/// | GET    | /admin/tenants/{handle}                         | 200 organization |
/// | PATCH  | /admin/tenants/{handle}                         | 200 organization |
/// | POST   | /admin/tenants/{handle}/api-keys                | 201 key with its plaintext, once |
/// | GET    | /admin/tenants/{handle}/api-keys                | 200 keys without secrets |
/// | DELETE | /admin/tenants/{handle}/api-keys/{id}           | 204 |
/// | POST   | /admin/tenants/{handle}/signing-secrets         | 201 secret |
/// | GET    | /admin/tenants/{handle}/signing-secrets         | 200 secrets, previews only |
/// | DELETE | /admin/tenants/{handle}/signing-secrets/{id}    | 204 |
public struct AdminController<Context: RequestContext>: Sendable {
    let tenants: TenantRegistry
    let credentials: CredentialStore

    public init(tenants: TenantRegistry, credentials: CredentialStore) {
        self.tenants = tenants
        self.credentials = credentials
    }

    /// Mounts the routes on a group rooted at `/admin/tenants`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.post { request, _ in
            let body = try await request.fields()
            let org = try await tenants.create(handle: try body.string("handle", maxLength: 63).value, OrganizationChanges(body))
            return JSONResponse(.created, org.adminJSON)
        }
        group.get { _, _ in
            JSONValue.object([("items", .array(try tenants.all().map(\.adminJSON))), ("nextCursor", .null), ("hasMore", .bool(false))])
        }
        group.get(":handle") { _, context in try organization(context).adminJSON }
        group.patch(":handle") { request, context in
            let changes = try OrganizationChanges(try await request.fields())
            return try await tenants.update(handle: try organization(context).handle, changes).adminJSON
        }

        group.post(":handle/api-keys") { request, context in
            let org = try organization(context)
            let body = try await request.fields()
            let name = try body.string("name", maxLength: 100).value ?? "API key"
            let scope = try body.oneOf("scope", APIKeyScope.self).value ?? .read
            let (key, plaintext) = try await credentials.issueKey(for: org.tenant, name: name, scope: scope)
            return JSONResponse(
                .created,
                .object([
                    ("id", .string(key.id.description)), ("key", .string(plaintext)), ("scope", .string(key.scope.rawValue)),
                    ("name", .string(key.name)), ("createdAt", .timestamp(key.createdAt)),
                ]))
        }
        group.get(":handle/api-keys") { _, context in
            JSONValue.object([("items", .array(try credentials.keys(of: try organization(context).tenant).map(\.json)))])
        }
        group.delete(":handle/api-keys/:id") { _, context in
            let org = try organization(context)
            guard try await credentials.revokeKey(try context.id("id", of: APIKeyTag.self, what: "API key"), of: org.tenant) else {
                throw DomainError.notFound("API key")
            }
            return Response(status: .noContent)
        }

        group.post(":handle/signing-secrets") { _, context in
            let secret = try await credentials.createSigningSecret(for: try organization(context).tenant)
            return JSONResponse(
                .created,
                .object([("id", .string(secret.id.description)), ("secret", .string(secret.secret)), ("createdAt", .timestamp(secret.createdAt))]))
        }
        group.get(":handle/signing-secrets") { _, context in
            JSONValue.object([("items", .array(try credentials.signingSecrets(of: try organization(context).tenant).map(\.summaryJSON)))])
        }
        group.delete(":handle/signing-secrets/:id") { _, context in
            let org = try organization(context)
            let id = try context.id("id", of: SigningSecretTag.self, what: "Signing secret")
            guard try await credentials.revokeSigningSecret(id, of: org.tenant) else { throw DomainError.notFound("Signing secret") }
            return Response(status: .noContent)
        }
    }

    private func organization(_ context: Context) throws -> Organization {
        guard let handle = context.parameters.get("handle"), let org = try tenants.organization(handle: handle) else {
            throw DomainError.notFound("Tenant")
        }
        return org
    }
}
