/// The free-text answers of a storefront application.
public struct ApplicationAnswers: Sendable, Codable, Equatable {
    public let website: String?
    public let audience: String?
    public let whyInterested: String?
}
