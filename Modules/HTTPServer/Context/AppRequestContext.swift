import Billing
import HTTPSupport
import Hummingbird
import NIOCore

/// The context every request starts with. Authentication fills `credential` for API routes.
struct AppRequestContext: VisitorRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's address, for per-IP rate limits.
    let clientAddress: String
    var credential: Credential?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        credential = nil
    }
}
