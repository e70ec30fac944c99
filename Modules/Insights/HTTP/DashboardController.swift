public import HTTPSupport
public import Hummingbird
import Kernel

/// The brand's metrics. The Starter+ gate is applied where the routes are mounted; API keys need the read scope.
///
/// | method | path                                      | notes |
/// |--------|-------------------------------------------|-------|
/// | GET    | /api/v1/dashboard/summary                 | headline numbers of the window |
/// | GET    | /api/v1/dashboard/timeseries              | `metric` clicks, conversions, leads or payouts, per day |
/// | GET    | /api/v1/dashboard/leaderboard             | top affiliates by clicks, conversions, earnings or epc |
/// | GET    | /api/v1/dashboard/traffic-sources         | clicks by referrer host, top 20 |
/// | GET    | /api/v1/dashboard/export.csv              | the timeseries as CSV |
/// | GET    | /api/v1/dashboard/insights/{module}       | the insights modules; `format=csv` |
/// | GET    | /api/metrics/insights/{module}            | alias of the above |
public struct DashboardController<Context: TenantRequestContext>: Sendable {
    let insights: InsightsService

    public init(insights: InsightsService) { self.insights = insights }

    /// Mounts the routes on a group rooted at `/api/v1/dashboard`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get("summary") { request, context in try await insights.summary(context.tenant, request.query) }
        group.get("timeseries") { request, context in try await insights.timeseries(context.tenant, request.query).json }
        group.get("leaderboard") { request, context in try await insights.leaderboard(context.tenant, request.query) }
        group.get("traffic-sources") { request, context in try await insights.trafficSources(context.tenant, request.query) }
        group.get("export.csv") { request, context in
            CSVResponse(try await insights.timeseries(context.tenant, request.query).csv, filename: "dashboard.csv")
        }
        addModuleRoute(to: group.group("insights"))
    }

    /// Mounts `{module}` on a group rooted at `/api/metrics/insights`.
    public func addModuleRoute(to group: RouterGroup<Context>) {
        group.get(":module") { request, context in
            let name = try context.parameters.require("module")
            guard let report = try await insights.module(name, context.tenant, request.query) else {
                throw DomainError(.notFound, "unknown_module", "No insights module named \(name)")
            }
            return try InsightsFormat.parse(request.query("format")).response(report, name: name, request: request, context: context)
        }
    }
}

/// `format=json` (the default) or `format=csv`.
enum InsightsFormat {
    case json, csv

    static func parse(_ raw: String?) throws(DomainError) -> InsightsFormat {
        switch raw {
        case nil, "json": .json
        case "csv": .csv
        default: throw DomainError.validation("format", "format must be json or csv")
        }
    }

    func response(_ report: InsightsReport, name: String, request: Request, context: some RequestContext) throws -> Response {
        switch self {
        case .json: try report.json.response(from: request, context: context)
        case .csv: try CSVResponse(report.csv, filename: "\(name).csv").response(from: request, context: context)
        }
    }
}
