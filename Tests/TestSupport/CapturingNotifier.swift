public import Contracts
import Synchronization

/// A notifier that keeps every message instead of sending it, for tests to read.
public final class CapturingNotifier: Notifier {
    private let messages = Mutex<[OutgoingMessage]>([])

    public init() {}

    public func send(_ message: OutgoingMessage) async { messages.withLock { $0.append(message) } }

    public var sent: [OutgoingMessage] { messages.withLock { $0 } }
}
