/// What earns a commission. `Cpa`, `RevShare` and `Hybrid` are legacy spellings, still accepted and kept as sent,
/// that behave like `Cps`.
public enum CommissionModel: String, Sendable, Codable, CaseIterable {
    case cps = "Cps", cpc = "Cpc", cpl = "Cpl", cpa = "Cpa", revShare = "RevShare", hybrid = "Hybrid"

    /// The model a legacy value behaves as.
    public var effective: CommissionModel {
        switch self {
        case .cpa, .revShare, .hybrid: .cps
        default: self
        }
    }
}
