public import HTTPSupport
public import Hummingbird
import Kernel

/// Attribution params.
///
/// | method | path                                              | who |
/// |--------|---------------------------------------------------|-----|
/// | GET    | /api/v1/settings/attribution-params/defaults      | anyone (rate limited per address) |
/// | GET    | /api/v1/settings/attribution-params               | key, read |
/// | PATCH  | /api/v1/settings/attribution-params               | key, read_write |
public struct AttributionParamsController: Sendable {
    let params: AttributionParamsService

    public init(params: AttributionParamsService) { self.params = params }

    /// Mounts the tenant's routes on a group rooted at `/api/v1/settings/attribution-params`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.get { _, context in try params.json(context.tenant) }
        group.patch { request, context in
            let body = try await request.fields()
            guard case let custom = body.raw("custom"), custom.isPresent else {
                throw DomainError.validation("custom", "custom is required (null or \"\" clears it)")
            }
            let text: String?
            switch custom {
            case .value(.string(let value)): text = value
            case .null: text = nil
            default: throw DomainError.validation("custom", "custom must be a comma-separated string or null")
            }
            try await params.set(context.tenant, custom: try AttributionParams.parse(text))
            return try params.json(context.tenant)
        }
    }

    /// Mounts the anonymous catalog on a group rooted at `/api/v1/settings/attribution-params/defaults`.
    public static func addDefaultsRoute<Context: RequestContext>(to group: RouterGroup<Context>) {
        group.get { _, _ in
            JSONValue.object([
                ("defaults", .array(AttributionParams.defaults.map(JSONValue.string))),
                ("maxCustomEntries", .int(AttributionParams.maxCustomEntries)),
                ("maxTotalChars", .int(AttributionParams.maxTotalChars)),
                ("minParamLength", .int(AttributionParams.paramLengths.lowerBound)),
                ("maxParamLength", .int(AttributionParams.paramLengths.upperBound)),
            ])
        }
    }
}
