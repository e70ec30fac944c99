import Foundation
import HTTPSupport
public import Hummingbird

/// The browser tracking loader, `GET /api/v1/r/loader.js`: anonymous, cacheable for an hour by anyone (brands'
/// pages load it cross-origin), revalidated with an ETag.
public struct LoaderController: Sendable {
    let script: ByteBuffer
    let etag: String

    /// Reads the script from the module's resources once.
    public init() throws {
        let bytes = try TrackingResources.loaderScript()
        script = ByteBuffer(bytes: bytes)
        etag = "\"\(Self.fingerprint(bytes))\""
    }

    /// Mounts the route on a group rooted at `/api/v1/r/loader.js`.
    public func addRoutes<Context: RequestContext>(to group: RouterGroup<Context>) {
        group.get { request, _ in
            var headers: HTTPFields = [
                .cacheControl: "public, max-age=3600", .accessControlAllowOrigin: "*", .eTag: etag,
            ]
            if let tags = request.headers.value(.ifNoneMatch), matches(tags) {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = "application/javascript; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: script))
        }
    }

    /// `If-None-Match` holds `*` or a list of tags, possibly weak (`W/"…"`); a weak match is enough for a GET.
    func matches(_ header: String) -> Bool {
        header.split(separator: ",").contains { raw in
            let tag = raw.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// FNV-1a (64 bit) of the script: it changes when the script does, which is all a validator must do.
    static func fingerprint(_ bytes: Data) -> String {
        let hash = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
