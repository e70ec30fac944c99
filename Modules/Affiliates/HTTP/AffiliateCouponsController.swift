public import HTTPSupport
public import Hummingbird
import Contracts
import Kernel

/// The coupon codes that credit an affiliate's sales (an extension of the spec; see the README).
///
/// | method | path                                      | notes |
/// |--------|-------------------------------------------|-------|
/// | GET    | /api/v1/affiliates/{id}/coupons           | `{ items }` in the order added |
/// | POST   | /api/v1/affiliates/{id}/coupons           | `{ code }`, 201; 409 `coupon_already_assigned` |
/// | DELETE | /api/v1/affiliates/{id}/coupons/{code}    | 204; 404 when not this affiliate's |
public struct AffiliateCouponsController<Context: TenantRequestContext>: Sendable {
    let affiliates: AffiliateService

    public init(affiliates: AffiliateService) { self.affiliates = affiliates }

    /// Mounts the routes on a group rooted at `/api/v1/affiliates`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get(":id/coupons") { _, context in
            let coupons = try affiliates.coupons(context.tenant, of: try Self.id(context))
            return JSONValue.object([("items", .array(coupons.map(\.json)))])
        }
        group.post(":id/coupons") { request, context in
            let id = try Self.id(context)
            let body = try await request.fields()
            let code = try FieldReader.required(body.string("code", maxLength: 64), "code")
            let coupon = try await affiliates.addCoupon(context.tenant, to: id, code: code)
            return JSONResponse(.created, coupon.json)
        }
        group.delete(":id/coupons/:code") { _, context in
            let id = try Self.id(context)
            try await affiliates.removeCoupon(context.tenant, from: id, code: context.parameters.require("code"))
            return Response(status: .noContent)
        }
    }

    private static func id(_ context: Context) throws -> AffiliateID {
        try context.id("id", of: AffiliateTag.self, what: "Affiliate")
    }
}
