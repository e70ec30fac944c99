import HTTPSupport
import HTTPTypes
import Hummingbird
import Kernel

/// A request context whose tenant the test names in `X-Test-Tenant`, standing in for the server's API-key
/// authentication (which lives in HTTPServer and is tested there).
struct TestTenantContext: TenantRequestContext {
    static let tenantHeader = HTTPField.Name("X-Test-Tenant")!

    var coreContext: CoreRequestContextStorage
    var tenantNumber: UInt32 = 0

    init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }

    var tenant: TenantID { TenantID(number: tenantNumber)! }
    func requirePlan(_ tier: PlanTier) throws {}
    func requirePaidPlan(_ tier: PlanTier) throws {}
}

/// Renders errors as the envelope (as the server's outermost middleware does) and sets the tenant from the header.
struct TestTenantMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: TestTenantContext, next: (Request, TestTenantContext) async throws -> Response) async throws -> Response {
        var context = context
        context.tenantNumber = request.headers[TestTenantContext.tenantHeader].flatMap(UInt32.init) ?? 0
        do {
            return try await next(request, context)
        } catch {
            return ErrorRendering.response(for: error, logger: context.logger)
        }
    }
}
