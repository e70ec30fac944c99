import Contracts
import Kernel

/// What a conversion earns under a program's commission model. Sales earn under `Cps` (and the legacy models that
/// behave like it); a lead earns only under `Cpl`, and only a fixed amount, since a lead has no sale to take a
/// percentage of.
enum CommissionPolicy {
    static func commission(
        for type: ConversionType, amount: Money, rule: CommissionRule, model: CommissionModel, homeCurrency: Currency
    ) -> Money {
        switch (type, model.effective) {
        case (.oneTime, .cps), (.recurring, .cps):
            return rule.commission(on: amount, homeCurrency: homeCurrency)
        case (.leadReward, .cpl) where rule.type == .fixed:
            return rule.commission(on: amount, homeCurrency: homeCurrency)
        case (.leadReward, _):
            return Money(minorUnits: 0, currency: homeCurrency)
        default:
            return Money(minorUnits: 0, currency: amount.currency)
        }
    }
}
