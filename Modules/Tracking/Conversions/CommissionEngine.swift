public import Contracts
public import Kernel

/// Every commission Vouch computes comes from here: from a program's defaults and an affiliate's override, for each
/// model, renewal and refund.
///
/// Rounding: whenever a share of an amount is not a whole number of minor units, it is rounded **half up** (away from
/// zero) to the minor unit, once, at the step that produces it. A percentage is of the sale, in the sale's currency;
/// a fixed commission is paid in the brand's home currency whatever the sale's.
public enum CommissionEngine {
    /// What a conversion of `type` earns under a program's `model`. Sales earn under `Cps` (and the legacy models that
    /// behave like it); a lead earns only under `Cpl` and a click only under `Cpc`, and only a fixed amount, since they
    /// have no sale to take a percentage of.
    public static func commission(
        for type: ConversionType, amount: Money, rule: CommissionRule, model: CommissionModel, homeCurrency: Currency
    ) -> Money {
        switch (type, model.effective) {
        case (.oneTime, .cps), (.recurring, .cps):
            return rule.commission(on: amount, homeCurrency: homeCurrency)
        case (.leadReward, .cpl) where rule.type == .fixed, (.clickReward, .cpc) where rule.type == .fixed:
            return rule.commission(on: amount, homeCurrency: homeCurrency)
        case (.leadReward, _), (.clickReward, _):
            return Money(minorUnits: 0, currency: homeCurrency)
        default:
            return Money(minorUnits: 0, currency: amount.currency)
        }
    }

    /// Whether the `renewal`-th renewal of a subscription (1 = the first payment after the initial sale) earns.
    /// The first `delay` renewals earn nothing; after them, `recurringMonths` renewals earn (`nil`: every one).
    public static func renewalEarns(_ renewal: Int, recurringMonths: Int?, delay: Int) -> Bool {
        guard renewal > delay else { return false }
        guard let months = recurringMonths else { return true }
        return renewal - delay <= months
    }

    /// A recruiter's 1-tier override: `percentHundredths` (percent × 100) of the recruit's commission.
    public static func override(of commission: Money, percentHundredths: Int64) -> Money {
        Money(minorUnits: share(commission.minorUnits, numerator: percentHundredths, denominator: 10_000), currency: commission.currency)
    }

    /// The commission left when `refunded` of a sale of `amount` has been given back: the unrefunded share of the
    /// commission at the sale. Fully refunded → zero.
    public static func afterRefund(original: Money, sale amount: Money, refunded: Money) -> Money {
        guard amount.minorUnits > 0 else { return original }
        let kept = max(0, amount.minorUnits - refunded.minorUnits)
        return Money(minorUnits: share(original.minorUnits, numerator: kept, denominator: amount.minorUnits), currency: original.currency)
    }

    /// `value × numerator / denominator`, rounded half up, without overflowing for any amount we accept.
    static func share(_ value: Int64, numerator: Int64, denominator: Int64) -> Int64 {
        let (high, low) = value.multipliedFullWidth(by: numerator)
        let (quotient, remainder) = denominator.dividingFullWidth((high, low))
        return quotient + (remainder * 2 >= denominator ? 1 : 0)
    }
}
