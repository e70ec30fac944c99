import Billing
import Contracts
import HTTPSupport
import Hummingbird
import Kernel
import NIOCore

/// The context every request starts with. Authentication fills `credential` for API routes, `affiliate` for an
/// affiliate's own.
struct AppRequestContext: VisitorRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's address, for per-IP rate limits.
    let clientAddress: String
    var credential: Credential?
    /// Filled by `AffiliateAuthMiddleware` for an affiliate's own routes.
    var affiliate: (TenantID, AffiliateID)?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        credential = nil
        affiliate = nil
    }
}
