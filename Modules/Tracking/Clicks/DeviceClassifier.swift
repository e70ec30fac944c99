public import Contracts

/// Placeholder until the classifier lands from the `geo` branch.
public enum DeviceClassifier {
    public static func classify(userAgent: String?) -> DeviceClass {
        guard let userAgent, !userAgent.isEmpty else { return .bot }
        return userAgent.contains("Mobile") ? .mobile : .desktop
    }
}
