/// The plan a tenant is on, lowest first. Shared vocabulary: every context's routes name the tier they need.
public enum PlanTier: String, Sendable, Codable, CaseIterable, Comparable {
    case trial = "Trial", starter = "Starter", growth = "Growth", pro = "Pro"

    private var rank: Int { PlanTier.allCases.firstIndex(of: self)! }
    public static func < (lhs: PlanTier, rhs: PlanTier) -> Bool { lhs.rank < rhs.rank }
}
