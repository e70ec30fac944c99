/// A named database of the store. Kinds of data live apart so that each can be scanned, copied or rebuilt alone.
public struct Table: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }
    public var description: String { name }

    /// Entities: organizations, API keys, programs, affiliates, conversions…
    public static let records = Table("records")
    /// Secondary indexes and uniqueness claims (slug → id, key hash → key, handle → tenant).
    public static let indexes = Table("indexes")
    /// Append-only domain events, for rebuilding projections.
    public static let events = Table("events")
    /// Pre-aggregated counters projected from events.
    public static let rollups = Table("rollups")
    /// Work to do after commit: webhook deliveries and the like.
    public static let outbox = Table("outbox")
    /// Stored responses of idempotent requests.
    public static let idempotency = Table("idempotency")

    /// Every table the store opens at start-up.
    public static let all: [Table] = [.records, .indexes, .events, .rollups, .outbox, .idempotency]
}
