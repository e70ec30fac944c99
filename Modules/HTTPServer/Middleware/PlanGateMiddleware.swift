import Billing
import Hummingbird
import Kernel

/// The plan a resource family needs (spec: "Plan tier required per resource family"), checked before its routes.
struct PlanGateMiddleware<Context: OrganizationRequestContext>: RouterMiddleware {
    let tier: PlanTier

    init(_ tier: PlanTier) { self.tier = tier }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try PlanGate.check(context.organization, requires: tier)
        return try await next(request, context)
    }
}
