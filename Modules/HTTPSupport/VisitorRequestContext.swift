public import Hummingbird

/// The request context of anonymous public routes, which need the caller's network address (rate limits,
/// geolocation).
public protocol VisitorRequestContext: RequestContext {
    /// The client's IP address as the socket saw it.
    var clientAddress: String { get }
}
