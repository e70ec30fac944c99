/// A MaxMind database that could not be opened: missing, unreadable, or not in the MaxMind DB format.
public struct GeoIPDatabaseError: Error, CustomStringConvertible {
    public let path: String
    /// libmaxminddb's own explanation (`MMDB_strerror`).
    public let reason: String

    public var description: String { "cannot open the GeoIP database \(path): \(reason)" }
}
