public import Kernel

extension PlanTier {
    /// The most days a payout may be held back for refunds on this plan.
    public var payoutGraceDaysMax: Int {
        switch self {
        case .trial, .starter: 14
        case .growth: 30
        case .pro: 90
        }
    }
}
