import Kernel

/// The codes a payment's discounts name, for coupon attribution: coupon ids and promotion-code ids, and the
/// customer-facing `code` when a promotion code arrives expanded. Each code once, in the order found.
enum DiscountCodes {
    /// Codes of discount objects (`{coupon, promotion_code}`, each an id or an expanded object). Bare strings in
    /// such a list are discount ids (`di_…`, an invoice's `discounts`), which name no code, so they are skipped.
    static func codes(in discounts: [JSONValue]) -> [String] {
        discounts.compactMap(StripeObject.init).flatMap(codes(of:)).uniqued()
    }

    private static func codes(of discount: StripeObject) -> [String] {
        let promotionCode = discount.object("promotion_code")?.string("code")
        return [discount.reference("coupon"), discount.reference("promotion_code"), promotionCode].compactMap { $0 }
    }
}
