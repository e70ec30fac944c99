/// The store together with the bus: what a context is handed to read and change its data.
public struct Database: Sendable {
    public let engine: any KeyValueStore
    public let bus: EventBus

    public init(engine: any KeyValueStore, bus: EventBus) {
        self.engine = engine
        self.bus = bus
    }

    public func read<T>(_ body: (borrowing any StoreReader & ~Copyable) throws -> T) throws -> T {
        try engine.read(body)
    }

    /// Applies `body` in the writer's transaction. Events it records are projected in the same transaction and
    /// delivered to subscribers after the commit; the call returns once the commit is durable.
    public func write<T: Sendable>(
        durability: WriteDurability = .synced, _ body: @escaping @Sendable (borrowing any StoreWriter & ~Copyable, inout EventLog) throws -> T
    ) async throws -> T {
        let projectors = bus.projectors
        let (value, log) = try await engine.write(durability: durability) { store in
            var log = EventLog()
            let value = try body(store, &log)
            for event in log.events {
                for projector in projectors { try projector.project(event, into: store) }
            }
            return (value, log)
        }
        bus.deliver(log.events)
        return value
    }
}
