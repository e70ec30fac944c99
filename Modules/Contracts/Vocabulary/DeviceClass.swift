/// The kind of device a click came from, read from its User-Agent.
public enum DeviceClass: String, Sendable, Codable, CaseIterable {
    case mobile = "Mobile", tablet = "Tablet", desktop = "Desktop", bot = "Bot"
}
