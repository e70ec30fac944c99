public import HTTPSupport
public import Hummingbird
import Kernel

/// The tenant's Stripe connection (PRODUCT.md, "Stripe").
///
/// | method | path                         | who |
/// |--------|------------------------------|-----|
/// | GET    | /api/v1/integrations/stripe  | key, read |
/// | PUT    | /api/v1/integrations/stripe  | key, read_write |
/// | DELETE | /api/v1/integrations/stripe  | key, read_write; 204 |
public struct StripeIntegrationController: Sendable {
    let integrations: StripeIntegrationService

    public init(integrations: StripeIntegrationService) { self.integrations = integrations }

    /// Mounts the routes on a group rooted at `/api/v1/integrations/stripe`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.get { _, context in
            try integrations.status(context.tenant).json
        }
        group.put { request, context in
            let fields = try await request.fields()
            let secret = try FieldReader.required(fields.string("webhookSecret"), "webhookSecret")
            let status = try await integrations.configure(context.tenant, webhookSecret: secret)
            return status.json
        }
        group.delete { _, context in
            try await integrations.remove(context.tenant)
            return JSONResponse(.noContent, .null)
        }
    }
}
