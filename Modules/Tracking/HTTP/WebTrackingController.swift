public import HTTPSupport
public import Hummingbird
import Kernel

/// Web-tracking settings: the pixel public key (an extension; the spec provisions it in a dashboard).
///
/// | method | path                                         | who |
/// |--------|----------------------------------------------|-----|
/// | GET    | /api/v1/settings/web-tracking                | key, read |
/// | POST   | /api/v1/settings/web-tracking/pixel-key      | key, read_write; 201 when created, 200 when it existed |
public struct WebTrackingController: Sendable {
    let pixelKeys: PixelKeyService

    public init(pixelKeys: PixelKeyService) { self.pixelKeys = pixelKeys }

    /// Mounts the routes on a group rooted at `/api/v1/settings/web-tracking`.
    public func addRoutes<Context: TenantRequestContext>(to group: RouterGroup<Context>) {
        group.get { _, context in
            JSONValue.object([("pixelPublicKey", .string(try pixelKeys.pixelKey(context.tenant)))])
        }
        group.post("pixel-key") { _, context in
            let (pixelKey, created) = try await pixelKeys.provision(context.tenant)
            return JSONResponse(created ? .created : .ok, .object([("pixelPublicKey", .string(pixelKey))]))
        }
    }
}
