/// Which click gets the sale when a visitor followed several affiliates' links within the cookie window.
public enum AttributionModel: String, Sendable, Codable, CaseIterable {
    case firstTouch = "FirstTouch", lastTouch = "LastTouch"
}
