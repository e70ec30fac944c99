/// Something that happened in a context, told to other contexts. Events are plain values defined in Contracts.
public protocol DomainEvent: Sendable {
    /// A stable dotted name, e.g. `program.created`, used by webhooks and the audit log.
    static var name: String { get }
    var tenant: TenantID { get }
}

/// Runs inside the writer's transaction for every event recorded there, so the change and its projection (rollups,
/// audit log, webhook outbox) commit or fail together.
public protocol EventProjector: Sendable {
    func project(_ event: any DomainEvent, into store: borrowing some StoreWriter & ~Copyable) throws

    /// The counter increments `event` adds when they depend on the event alone, not on stored data: they are worked
    /// out before the write, on the caller's thread, and only added in the writer's transaction, which keeps the
    /// single writer's share of high-volume events (clicks) small. `nil` (the default) when the event needs the
    /// transaction: `project` then runs there.
    func increments(for event: any DomainEvent) -> [CounterIncrement]?
}

extension EventProjector {
    // A requirement with a default rather than a protocol of its own: asking each projector whether it conformed
    // to one was a dynamic cast on every write.
    public func increments(for event: any DomainEvent) -> [CounterIncrement]? { nil }
}

/// One cell's increments, for `StoreWriter.add`.
public struct CounterIncrement: Sendable {
    public let table: Table
    public let key: StoreKey
    public let counters: CounterSet

    public init(_ table: Table, _ key: StoreKey, _ counters: CounterSet) {
        self.table = table
        self.key = key
        self.counters = counters
    }
}

/// The events one write records; projected before its commit and delivered to subscribers after it.
public struct EventLog: Sendable {
    public private(set) var events: [any DomainEvent] = []

    public init() {}

    public mutating func record(_ event: any DomainEvent) { events.append(event) }
}
