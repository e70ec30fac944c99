import Contracts
import Kernel

/// Where affiliates live in the store.
enum AffiliateKeys {
    static func records(_ tenant: TenantID) -> Keyspace { .tenant(tenant, recordsName) }
    /// program + email → affiliate id: one affiliate per email on a program's roster.
    static func emails(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "affiliate-email") }
    /// recruiter + recruit → nothing: who an affiliate brought in.
    static func recruits(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "affiliate-recruit") }
    /// Normalized coupon code → affiliate id: a code credits one affiliate of the tenant.
    static func coupons(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "affiliate-coupon") }
    /// affiliate + normalized code → the coupon record, for listing an affiliate's codes.
    static func couponsByAffiliate(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "affiliate-coupon-by-affiliate") }
    /// Every referral code (link slug or alias) of every tenant → tenant number, affiliate id and link id.
    static let codes = Keyspace.global(codesName)
    /// The collections a referral code's target is read from.
    static let referralSources: [(table: Table, name: String)] = [(.indexes, codesName), (.records, recordsName)]
    private static let recordsName = "affiliate"
    private static let codesName = "referral-code"

    static func email(_ tenant: TenantID, _ program: ProgramID, _ email: String) -> StoreKey {
        emails(tenant).key(program, email)
    }

    static func codeValue(_ tenant: TenantID, _ affiliate: AffiliateID, _ link: AffiliateLinkID) -> [UInt8] {
        tenant.bytes + affiliate.bytes + link.bytes
    }

    static func decodeCode(_ bytes: [UInt8]) -> (TenantID, AffiliateID, AffiliateLinkID)? {
        guard bytes.count == 36, let tenant = TenantID(leadingBytes: bytes),
            let affiliate = AffiliateID(bytes: bytes[4..<20]), let link = AffiliateLinkID(bytes: bytes[20..<36])
        else { return nil }
        return (tenant, affiliate, link)
    }
}
