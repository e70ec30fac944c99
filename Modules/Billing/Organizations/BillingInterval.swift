public enum BillingInterval: String, Sendable, Codable, CaseIterable {
    case monthly = "Monthly", annual = "Annual"
}
