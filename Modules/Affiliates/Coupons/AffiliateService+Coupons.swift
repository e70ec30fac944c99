public import Contracts
import Foundation
public import Kernel

extension AffiliateService {
    /// An affiliate's coupon codes, in the order they were added; 404 when the affiliate is not the tenant's.
    public func coupons(_ tenant: TenantID, of id: AffiliateID) throws -> [AffiliateCoupon] {
        try database.read { store in
            guard try affiliate(tenant, id, in: store) != nil else { throw DomainError.notFound("Affiliate") }
            let coupons = try store.records(.indexes, prefix: AffiliateKeys.couponsByAffiliate(tenant).key(id), as: AffiliateCoupon.self)
            return coupons.sorted { $0.createdAt < $1.createdAt }
        }
    }

    /// Gives the affiliate a code. 409 `coupon_already_assigned` when the tenant's code already credits someone.
    public func addCoupon(_ tenant: TenantID, to id: AffiliateID, code raw: String) async throws -> AffiliateCoupon {
        let code = try AffiliateCoupon.validated(raw)
        let coupon = AffiliateCoupon(code: code, affiliateID: id, createdAt: clock.now())
        let bytes = try RecordCoding.encode(coupon)
        let normalized = AffiliateCoupon.normalized(code)
        return try await database.write { store, _ in
            guard try affiliate(tenant, id, in: store) != nil else { throw DomainError.notFound("Affiliate") }
            guard try store.insert(.indexes, AffiliateKeys.coupons(tenant).key(normalized), id.bytes) else {
                throw DomainError(.conflict, "coupon_already_assigned", "The code \(code) already credits an affiliate", field: "code")
            }
            try store.put(.indexes, AffiliateKeys.couponsByAffiliate(tenant).key(id, normalized), bytes)
            return coupon
        }
    }

    /// Takes a code away; 404 when it is not this affiliate's.
    public func removeCoupon(_ tenant: TenantID, from id: AffiliateID, code: String) async throws {
        let normalized = AffiliateCoupon.normalized(code)
        try await database.write { store, _ in
            guard try affiliate(tenant, id, in: store) != nil,
                try store.get(.indexes, AffiliateKeys.coupons(tenant).key(normalized)) == id.bytes
            else { throw DomainError.notFound("Coupon") }
            try store.delete(.indexes, AffiliateKeys.coupons(tenant).key(normalized))
            try store.delete(.indexes, AffiliateKeys.couponsByAffiliate(tenant).key(id, normalized))
        }
    }
}
