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
    ///
    /// `announcing` are events the caller knows before the write: they are recorded first, and the increments
    /// projectors work out from them alone (`EventProjector.increments`) are worked out here, before the write is
    /// queued.
    public func write<T: Sendable>(
        durability: WriteDurability = .synced, announcing known: [any DomainEvent] = [],
        _ body: @escaping @Sendable (borrowing any StoreWriter & ~Copyable, inout EventLog) throws -> T
    ) async throws -> T {
        let projectors = bus.projectors
        var prepared: [CounterIncrement] = []
        var unprepared: [(any EventProjector, any DomainEvent)] = []
        for event in known {
            for projector in projectors {
                if let increments = projector.increments(for: event) {
                    prepared += increments
                } else {
                    unprepared.append((projector, event))
                }
            }
        }
        let (value, log) = try await engine.write(durability: durability) { [prepared, unprepared] store in
            var log = EventLog()
            for event in known { log.record(event) }
            let value = try body(store, &log)
            for increment in prepared { try store.add(increment.table, increment.key, increment.counters) }
            for (projector, event) in unprepared { try projector.project(event, into: store) }
            for event in log.events.dropFirst(known.count) {
                for projector in projectors { try projector.project(event, into: store) }
            }
            return (value, log)
        }
        bus.deliver(log.events)
        return value
    }
}
