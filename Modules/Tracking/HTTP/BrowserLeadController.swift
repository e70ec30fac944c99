import HTTPSupport
public import Hummingbird
import Kernel
import Logging

/// `POST /api/v1/r/lead/signup`, behind the loader's `Rekomi.convert` / `Rekomi.identify`. Anonymous and always an
/// opaque `200 { "ok": true }`, so it cannot be used to learn which emails signed up or which codes exist.
public struct BrowserLeadController: Sendable {
    let ledger: ConversionLedger

    public init(ledger: ConversionLedger) { self.ledger = ledger }

    /// Mounts the route on a group rooted at `/api/v1/r`.
    public func addRoutes<Context: RequestContext>(to group: RouterGroup<Context>) {
        group.post("lead/signup") { request, context in
            do {
                let body = try await request.fields(limit: 16 * 1_024)
                let lead = try LeadReport(browser: body)
                _ = try await ledger.recordBrowserLead(lead, origin: request.headers.value(.origin), referer: request.headers.value(.referer))
            } catch {
                context.logger.debug("browser lead not recorded", metadata: ["reason": "\(error)"])
            }
            return JSONValue.object([("ok", .bool(true))])
        }
        group.preflight("lead/signup")
    }
}
