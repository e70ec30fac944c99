public enum SubscriptionStatus: String, Sendable, Codable, CaseIterable {
    case none = "None", trialing = "Trialing", active = "Active", pastDue = "PastDue", canceled = "Canceled"
}
