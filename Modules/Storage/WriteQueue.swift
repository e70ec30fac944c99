import Foundation
import Kernel

/// One queued write, with its result type erased so requests of any type share a batch.
struct PendingWrite: Sendable {
    /// Runs the body against a writer and returns how to answer the caller if the batch then commits. Called again
    /// when the batch is rerun.
    let apply: @Sendable (borrowing any StoreWriter & ~Copyable) throws -> @Sendable () -> Void
    let fail: @Sendable (any Error) -> Void
    let durability: WriteDurability
}

/// The hand-off between async callers and the writer thread: a list under a condition variable, because the writer
/// thread must block while idle and must not be a cooperative-pool thread.
final class WriteQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [PendingWrite] = []
    private var accepting = true
    private var stopped = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []
    /// How many writes the last batch took.
    private var lastBatch = 0

    /// After a batch of several writes, the writer waits up to this long (seconds) for more before starting a small
    /// one: under concurrent load a batch then gathers tens of writes instead of three or four, which halved the
    /// context switches of an ingest run and raised click throughput by about a tenth. A lone write never waits.
    static let linger = 0.000_2
    /// A batch this large starts without lingering.
    static let gathered = 8

    /// False when the queue no longer accepts writes.
    func enqueue(_ write: PendingWrite) -> Bool {
        condition.lock()
        guard accepting else {
            condition.unlock()
            return false
        }
        pending.append(write)
        let wakeWriter = pending.count == 1
        condition.unlock()
        // Signalled after unlocking: woken while the lock is still held, the writer would at once block on it again
        // and need a second wake-up, and on two cores each wake-up preempts the caller.
        if wakeWriter { condition.signal() }
        return true
    }

    /// Everything pending, up to `limit`, waiting while there is none. Nil once closed and drained.
    func nextBatch(limit: Int) -> [PendingWrite]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && accepting { condition.wait() }
        if pending.isEmpty { return nil }
        if lastBatch > 1, pending.count < Self.gathered, accepting {
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.linger))
        }
        lastBatch = min(pending.count, limit)
        if pending.count <= limit {
            defer { pending = [] }
            return pending
        }
        defer { pending.removeFirst(limit) }
        return Array(pending.prefix(limit))
    }

    /// Stops accepting writes; those already queued are still drained.
    func close() {
        condition.lock()
        accepting = false
        condition.broadcast()
        condition.unlock()
    }

    /// True once the writer thread has exited.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Called by the writer thread as it exits.
    func markStopped() {
        condition.lock()
        stopped = true
        let waiters = stopWaiters
        stopWaiters = []
        condition.unlock()
        for waiter in waiters { waiter.resume() }
    }

    func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            if stopped {
                condition.unlock()
                continuation.resume()
            } else {
                stopWaiters.append(continuation)
                condition.unlock()
            }
        }
    }
}
