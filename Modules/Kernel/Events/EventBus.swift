public import Logging
public import ServiceLifecycle
import Synchronization

/// The in-process bus of ARCHITECTURE.md. Projectors run inside write transactions (see `Database.write`);
/// subscribers run after commit, one event at a time in commit order, on the bus's own task.
///
/// The buffer between commit and subscribers is bounded: when subscribers fall that far behind, further events are
/// dropped for them and logged, rather than growing memory without limit. Durable follow-up work belongs in an
/// outbox written by a projector, not in a subscriber.
public final class EventBus: Service {
    public typealias Subscriber = @Sendable (any DomainEvent) async -> Void

    private let projectorList = Mutex<[any EventProjector]>([])
    private let subscriberList = Mutex<[Subscriber]>([])
    private let stream: AsyncStream<[any DomainEvent]>
    private let continuation: AsyncStream<[any DomainEvent]>.Continuation
    private let logger: Logger

    public init(bufferedBatches: Int = 10_000, logger: Logger) {
        (stream, continuation) = AsyncStream.makeStream(of: [any DomainEvent].self, bufferingPolicy: .bufferingOldest(bufferedBatches))
        self.logger = logger
    }

    public func addProjector(_ projector: any EventProjector) {
        projectorList.withLock { $0.append(projector) }
    }

    public var projectors: [any EventProjector] { projectorList.withLock { $0 } }

    /// Calls `handler` after commit for every event of type `E`.
    public func subscribe<E: DomainEvent>(to _: E.Type, _ handler: @escaping @Sendable (E) async -> Void) {
        subscriberList.withLock {
            $0.append { event in
                if let event = event as? E { await handler(event) }
            }
        }
    }

    /// Hands committed events to the subscribers.
    public func deliver(_ events: [any DomainEvent]) {
        // With no subscriber there is nobody to wake: a click need not cost the bus's task a turn.
        guard !events.isEmpty, !subscriberList.withLock({ $0.isEmpty }) else { return }
        if case .dropped = continuation.yield(events) {
            logger.warning("event bus buffer full; events dropped for subscribers", metadata: ["count": "\(events.count)"])
        }
    }

    /// Stops accepting events; `run` returns once the buffered ones are delivered.
    public func finish() { continuation.finish() }

    public func run() async {
        await withGracefulShutdownHandler {
            for await batch in stream {
                let subscribers = subscriberList.withLock { $0 }
                for event in batch {
                    for subscriber in subscribers { await subscriber(event) }
                }
            }
        } onGracefulShutdown: {
            self.finish()
        }
    }
}
