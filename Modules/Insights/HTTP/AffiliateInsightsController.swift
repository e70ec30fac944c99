public import Contracts
import HTTPSupport
public import Hummingbird
public import Kernel

/// The context of an affiliate's own requests: authentication resolved whose numbers they may see.
public protocol AffiliateRequestContext: RequestContext {
    var tenant: TenantID { get }
    var affiliateID: AffiliateID { get }
}

/// An affiliate's own, PII-free insights.
///
/// | method | path                           | notes |
/// |--------|--------------------------------|-------|
/// | GET    | /api/me/insights/{module}      | overview, sale-origin, geography, devices, links, time-patterns, utm, channels; `format=csv` |
public struct AffiliateInsightsController<Context: AffiliateRequestContext>: Sendable {
    let insights: InsightsService

    public init(insights: InsightsService) { self.insights = insights }

    /// Mounts `{module}` on a group rooted at `/api/me/insights`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get(":module") { request, context in
            let name = try context.parameters.require("module")
            // `affiliateId` may only focus the caller's own membership; any other id is as unknown as a missing one.
            if let focus = request.query("affiliateId"), focus != context.affiliateID.description {
                throw DomainError(.notFound, "affiliate_not_found", "No such affiliate membership")
            }
            guard let report = try await insights.affiliateModule(name, context.tenant, context.affiliateID, request.query) else {
                throw DomainError(.notFound, "unknown_module", "No insights module named \(name)")
            }
            return try InsightsFormat.parse(request.query("format")).response(report, name: name, request: request, context: context)
        }
    }
}
