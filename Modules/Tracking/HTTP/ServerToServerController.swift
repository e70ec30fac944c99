public import HTTPSupport
import HTTPTypes
public import Hummingbird
import Kernel

/// Conversions and leads the brand's backend reports, each signed with `X-Rekomi-Signature` on top of the API key.
///
/// | method | path                   | who |
/// |--------|------------------------|-----|
/// | POST   | /api/tracking/s2s      | key (read_write), signed, Starter+ |
/// | POST   | /api/tracking/lead     | key (read_write), signed, Starter+ |
public struct ServerToServerController: Sendable {
    let ledger: ConversionLedger
    let verifier: RequestSignatureVerifier

    static let signatureHeader = HTTPField.Name("X-Rekomi-Signature")!
    static let bodyLimit = 64 * 1_024

    public init(ledger: ConversionLedger, verifier: RequestSignatureVerifier) {
        self.ledger = ledger
        self.verifier = verifier
    }

    /// Mounts the routes on a group rooted at `/api/tracking`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.post("s2s") { request, context in
            let (body, signature) = try await signedBody(request, context)
            let entry = try await ledger.recordSale(context.tenant, try SaleReport(body), signature: signature)
            return entry.json(idKey: "conversionId")
        }
        group.post("lead") { request, context in
            let (body, signature) = try await signedBody(request, context)
            let entry = try await ledger.recordLead(context.tenant, try LeadReport(signed: body), source: .leadAPI, signature: signature)
            return entry.json(idKey: "leadId")
        }
    }

    /// The raw body checked against `X-Rekomi-Signature` first (authentication before validation), then read as JSON.
    private func signedBody(_ request: Request, _ context: some TenantRequestContext) async throws -> (FieldReader, VerifiedSignature) {
        let bytes = try await request.bytes(limit: Self.bodyLimit)
        let signature = try verifier.verify(header: request.headers.value(Self.signatureHeader), body: bytes, tenant: context.tenant)
        return (try FieldReader(Request.parseJSON(bytes)), signature)
    }
}
