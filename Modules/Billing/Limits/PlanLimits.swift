public import Contracts
public import Kernel

/// The most of each limited resource a plan allows; `nil` is unlimited. Campaigns and affiliates are unlimited on
/// every plan: a self-hosted brand is not charged per seat of its own program.
public enum PlanLimits {
    public static func max(_ resource: LimitedResource, on tier: PlanTier) -> Int64? {
        switch (resource, tier) {
        case (.affiliates, _), (.campaigns, _): nil
        case (.partnerPayoutsThisMonthCents, .trial): 100_000
        case (.partnerPayoutsThisMonthCents, .starter): 500_000
        case (.partnerPayoutsThisMonthCents, .growth): 1_500_000
        case (.partnerPayoutsThisMonthCents, .pro): nil
        case (.teamSeats, .trial): 1
        case (.teamSeats, .starter): 2
        case (.teamSeats, .growth): 5
        case (.teamSeats, .pro): nil
        }
    }
}
