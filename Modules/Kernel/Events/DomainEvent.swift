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
}

/// The events one write records; projected before its commit and delivered to subscribers after it.
public struct EventLog: Sendable {
    public private(set) var events: [any DomainEvent] = []

    public init() {}

    public mutating func record(_ event: any DomainEvent) { events.append(event) }
}
