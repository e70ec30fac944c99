/// Finds the country a client address is in; implemented outside the contexts (a MaxMind database, or nothing).
public protocol CountryLookup: Sendable {
    /// The ISO 3166-1 alpha-2 code (`"DE"`), or `nil` when the address is not in the database.
    func country(forAddress address: String) -> String?
}
