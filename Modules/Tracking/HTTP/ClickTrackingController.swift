public import HTTPSupport
public import Hummingbird
import HTTPTypes
import Kernel

/// Server-side click tracking (spec/002), anonymous but bound to the program's website by Origin or Referer.
///
/// | method | path                   | who |
/// |--------|------------------------|-----|
/// | POST   | /api/tracking/click    | the brand's site (Origin checked), rate limited per address |
/// | POST   | /api/tracking/verify   | the brand's site (Origin checked), rate limited per address |
public struct ClickTrackingController: Sendable {
    let clicks: ClickService
    let countries: CountryResolver

    /// Click bodies are a few hundred bytes; anything near this is not a click.
    static let bodyLimit = 16 * 1_024

    public init(clicks: ClickService, countries: CountryResolver) {
        self.clicks = clicks
        self.countries = countries
    }

    /// Mounts the routes on a group rooted at `/api/tracking`.
    public func addRoutes<Context: VisitorRequestContext>(to group: RouterGroup<Context>) {
        group.post("click") { request, context in
            let body = try await request.fields(limit: Self.bodyLimit)
            let click = try ClickRequest(body)
            let result = try await clicks.record(click, from: countries.visitor(request, context))
            return Response.json(result.json)
        }
        group.post("verify") { request, context in
            let body = try await request.fields(limit: Self.bodyLimit)
            let page = try PageVisit(body)
            return try await clicks.verify(page, from: countries.visitor(request, context))
        }
        group.preflight("click")
        group.preflight("verify")
    }
}
