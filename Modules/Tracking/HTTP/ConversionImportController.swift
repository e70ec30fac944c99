public import HTTPSupport
public import Hummingbird
import Kernel

/// The conversion import, mounted with the import rate limit (6 requests a minute per key, shared with the roster
/// import).
///
/// | method | path                                  | notes |
/// |--------|---------------------------------------|-------|
/// | POST   | /api/v1/conversions/import/preview    | writes nothing |
/// | POST   | /api/v1/conversions/import            | one import per tenant at a time |
public struct ConversionImportController<Context: TenantRequestContext>: Sendable {
    let importer: ConversionImporter

    public init(importer: ConversionImporter) { self.importer = importer }

    /// Mounts the routes on a group rooted at `/api/v1/conversions/import`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.post("preview") { request, context in
            let body = try await request.fields(limit: ConversionImportRequest.bodyLimit)
            return try importer.preview(context.tenant, try ConversionImportRequest(body))
        }
        group.post { request, context in
            let body = try await request.fields(limit: ConversionImportRequest.bodyLimit)
            let input = try ConversionImportRequest(body)
            return try await importer.run(context.tenant, input)
        }
    }
}
