public import HTTPSupport
public import Hummingbird
import Kernel
public import Logging

/// The Passthrough Referrers API's failures in its own envelope, `{ "success": false, "error", "message", "field" }`:
/// its handlers' and those of the authentication and scope checks before them, which render errors with this.
public enum PassthroughEnvelope {
    public static func failure(for error: any Error, logger: Logger) -> Response {
        let domain = ErrorRendering.domainError(for: error, logger: logger)
        var response = ErrorRendering.response(for: domain, logger: logger)
        if case .object(let members) = domain.envelope {
            response.body = .init(byteBuffer: ByteBuffer(bytes: JSONValue.object([("success", .bool(false))] + members).serialized()))
        }
        return response
    }
}
