public import HTTPSupport
import HTTPTypes
public import Hummingbird
import Kernel
import Logging

/// `GET /api/v1/r/c.gif`, the install snippet's `<noscript>` pixel: records a click for the page it is on when
/// that page's URL (its Referer) carries a referral code. Always the same transparent GIF, never cached, so a
/// page view without a code, or from the wrong site, costs the visitor nothing.
public struct PixelController: Sendable {
    let clicks: ClickService
    let countries: CountryResolver

    /// A 1×1 transparent GIF.
    static let gif: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04,
        0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]

    public init(clicks: ClickService, countries: CountryResolver) {
        self.clicks = clicks
        self.countries = countries
    }

    /// Mounts the route on a group rooted at `/api/v1/r`. `HEAD` answers the same headers and records nothing: only a
    /// page that shows the pixel is a visit.
    public func addRoutes<Context: VisitorRequestContext>(to group: RouterGroup<Context>) {
        group.get("c.gif") { request, context in
            let visitor = countries.visitor(request, context)
            do {
                _ = try await clicks.recordPixel(pageURL: request.headers.value(.referer), from: visitor)
            } catch {
                context.logger.debug("pixel click not recorded", metadata: ["reason": "\(error)"])
            }
            return Response(status: .ok, headers: Self.headers, body: .init(byteBuffer: ByteBuffer(bytes: Self.gif)))
        }
        group.head("c.gif") { _, _ in Response(status: .ok, headers: Self.headers) }
    }

    private static let headers: HTTPFields = [.contentType: "image/gif", .cacheControl: "no-store, max-age=0"]
}
