import Contracts
public import HTTPSupport
public import Hummingbird
import Kernel

/// Tax forms.
///
/// | method | path                                     | who | notes |
/// |--------|------------------------------------------|-----|-------|
/// | PUT    | /api/v1/affiliates/{id}/tax-form?type=   | key | the PDF as the body (`W9` or `W8BEN`), at most 10 MB |
/// | GET    | /api/v1/affiliates/{id}/tax-form         | key | a signed URL valid 300 s, for one download |
/// | GET    | /downloads/tax-forms/{link}?exp=&sig=    | anyone with the link | the PDF, once |
public struct TaxFormsController: Sendable {
    let taxForms: TaxFormService

    public init(taxForms: TaxFormService) { self.taxForms = taxForms }

    /// Mounts the brand's routes on a group rooted at `/api/v1/affiliates`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.put(":id/tax-form") { request, context in
            let id = try context.id("id", of: AffiliateTag.self, what: "Affiliate")
            guard let type = request.query("type").flatMap(TaxFormType.init(rawValue:)) else {
                throw DomainError.validation("type", "type must be W9 or W8BEN")
            }
            let pdf = try await Self.body(request)
            let form = try await taxForms.upload(context.tenant, id, type: type, pdf: pdf)
            return JSONResponse(.created, form.json)
        }
        group.get(":id/tax-form") { _, context in
            let id = try context.id("id", of: AffiliateTag.self, what: "Affiliate")
            let (form, url) = try await taxForms.link(context.tenant, id)
            return JSONValue.object([
                ("id", .string(form.id.description)), ("affiliateId", .string(form.affiliateID.description)), ("type", .string(form.type.rawValue)),
                ("submittedAt", .timestamp(form.submittedAt)), ("signedUrl", .string(url)),
                ("expiresInSeconds", .int(Int(TaxFormService.linkLifetime))),
            ])
        }
    }

    /// Mounts the download on a group rooted at `/downloads/tax-forms`.
    public func addDownloadRoute<Context: RequestContext>(to group: RouterGroup<Context>) {
        group.get(":link") { request, context in
            let bytes = try await taxForms.download(
                linkID: context.parameters.get("link") ?? "", expires: request.query("exp"), signature: request.query("sig"))
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/pdf", .contentDisposition: "attachment; filename=\"tax-form.pdf\"", .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    private static func body(_ request: Request) async throws -> [UInt8] {
        do {
            return Array(buffer: try await request.body.collect(upTo: TaxFormService.maxBytes))
        } catch {
            throw DomainError(.payloadTooLarge, "payload_too_large", "A tax form may be at most \(TaxFormService.maxBytes) bytes")
        }
    }
}
