/// How a commission is expressed: a percentage of the sale, or a fixed amount. Programs set a default and
/// affiliates may carry an override.
public enum CommissionType: String, Sendable, Codable, CaseIterable {
    case percentage = "Percentage", fixed = "Fixed"
}
