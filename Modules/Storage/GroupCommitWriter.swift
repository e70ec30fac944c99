import CLMDB
import Foundation
import Kernel
import Synchronization

/// The single writer. Async callers enqueue a body and suspend; one dedicated thread takes everything queued, runs
/// the bodies in one transaction, commits it once (one fsync for the batch), and only then answers each caller.
///
/// A body that throws loses only its own writes. The bodies run straight in the batch's transaction, because a nested
/// transaction per body (LMDB copies every page a child touches) was most of a click's write cost. When one of them
/// fails the batch is rerun isolated: each body in its own nested transaction under the parent, so a failure takes
/// only its own child with it.
///
/// Counter increments (`StoreWriter.add`) of the committed bodies are summed per cell and applied to the parent
/// just before its commit, so a cell that many writes of a batch touch is read and written once.
///
/// A batch whose writes all chose `.deferredSync` commits without the fsync (LMDB's `MDB_NOSYNC` for that commit
/// alone): its pages are in the operating system, so a killed process loses nothing, and a second thread fsyncs
/// within `syncInterval`, bounding what a power cut can take. A synced batch flushes everything before it too. LMDB
/// warns that a power cut while such commits are unsynced can also leave the file unusable, so the operator may turn
/// deferral off (`syncInterval` nil): every batch is then fsynced before it is answered.
///
/// The same thread keeps room ready ahead of LMDB's last page (`SinglePageRoom`).
///
/// A dedicated thread rather than an actor: `mdb_txn_commit` blocks on fsync, and LMDB's write lock is unaware of
/// Swift tasks (STYLE.md §2.9).
final class GroupCommitWriter: Sendable {
    private let environment: LMDBEnvironment
    private let queue = WriteQueue()
    private let batchLimit: Int
    private let batches = Atomic<Int>(0)
    private let writes = Atomic<Int>(0)
    /// A deferred-sync commit is waiting for its fsync.
    private let unsynced = Atomic<Bool>(false)
    /// Whether `.deferredSync` batches commit without their fsync.
    private let defersSync: Bool
    /// How often the second thread fsyncs deferred commits and keeps room ahead of the last page.
    private let syncInterval: TimeInterval
    private let watches = Mutex<[CollectionWatch]>([])
    /// The id of this process's last commit, to notice commits of another process in between.
    private let lastCommit = Atomic<UInt64>(0)

    init(environment: LMDBEnvironment, batchLimit: Int, syncInterval: Duration?) {
        self.environment = environment
        self.batchLimit = batchLimit
        defersSync = syncInterval != nil
        let interval = syncInterval ?? LMDBStore.defaultSyncInterval
        self.syncInterval = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let thread = Thread { [self] in run() }
        thread.name = "lmdb-writer"
        thread.stackSize = 8 << 20
        thread.start()
        let syncer = Thread { [self] in syncPeriodically() }
        syncer.name = "lmdb-syncer"
        syncer.start()
    }

    var committedBatches: Int { batches.load(ordering: .relaxed) }
    var committedWrites: Int { writes.load(ordering: .relaxed) }
    var hasUnsyncedCommits: Bool { unsynced.load(ordering: .acquiring) }

    func submit<T: Sendable>(durability: WriteDurability, _ body: @escaping WriteBody<T>) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let write = PendingWrite(
                apply: { writer in
                    let value = try body(writer)
                    return { continuation.resume(returning: value) }
                },
                fail: { continuation.resume(throwing: $0) }, durability: durability)
            if !queue.enqueue(write) { continuation.resume(throwing: StoreError.closedStore) }
        }
    }

    func register(_ watch: CollectionWatch) { watches.withLock { $0.append(watch) } }

    /// Stops taking writes; the thread commits what is queued, then exits.
    func finish() { queue.close() }

    func finished() async { await queue.waitUntilStopped() }

    // MARK: The writer thread

    private func run() {
        while let batch = queue.nextBatch(limit: batchLimit) {
            commit(batch)
        }
        syncIfNeeded()
        queue.markStopped()
    }

    private func syncPeriodically() {
        var room = SinglePageRoom()
        while !queue.isStopped {
            Thread.sleep(forTimeInterval: syncInterval)
            syncIfNeeded()
            _ = try? environment.withHandle { env in room.prepare(env) }
        }
    }

    private func syncIfNeeded() {
        guard unsynced.exchange(false, ordering: .acquiringAndReleasing) else { return }
        _ = try? environment.withHandle { env in mdb_env_sync(env, 1) }
    }

    private enum Attempt {
        /// The parent committed (or had nothing to commit): answer each request with its own outcome.
        case committed([Result<@Sendable () -> Void, any Error>])
        /// The map is full: grow it and rerun the batch.
        case mapFull
        /// Too many dirty pages for one transaction: split the batch.
        case tooLarge(StoreError)
        /// Another process grew the map: adopt its size and rerun.
        case resized
        /// A child failed to commit, which may have left the parent unusable: fail that request alone, rerun the others.
        case exclude(Int, StoreError)
        /// A body failed while the batch ran without isolation: rerun it isolated, where the failure is that body's alone.
        case isolate
        /// Every request fails with this error.
        case failed(any Error)
    }

    private func commit(_ batch: [PendingWrite]) {
        var batch = batch
        var isolated = false
        while true {
            switch attempt(batch, isolated: isolated) {
            case .committed(let outcomes):
                for (write, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .success(let answer): answer()
                    case .failure(let error): write.fail(error)
                    }
                }
                return
            case .mapFull:
                do {
                    try environment.growMap()
                } catch {
                    // At the maximum: isolate the request(s) that do not fit rather than fail the others.
                    guard batch.count > 1, error.code == .mapFull else { return fail(batch, error) }
                    return split(batch)
                }
            case .resized:
                do { try environment.adoptMapSize() } catch { return fail(batch, error) }
            case .tooLarge(let error):
                guard batch.count > 1 else { return fail(batch, error) }
                return split(batch)
            case .exclude(let index, let error):
                batch.remove(at: index).fail(error)
                if batch.isEmpty { return }
            case .isolate:
                isolated = true
            case .failed(let error):
                return fail(batch, error)
            }
        }
    }

    private func split(_ batch: [PendingWrite]) {
        let middle = batch.count / 2
        commit(Array(batch[..<middle]))
        commit(Array(batch[middle...]))
    }

    private func fail(_ batch: [PendingWrite], _ error: any Error) {
        for write in batch { write.fail(error) }
    }

    private func attempt(_ batch: [PendingWrite], isolated: Bool) -> Attempt {
        do {
            return try environment.withHandle { env in attempt(batch, isolated: isolated, env) }
        } catch {
            return .failed(error)
        }
    }

    private func attempt(_ batch: [PendingWrite], isolated: Bool, _ env: OpaquePointer) -> Attempt {
        var parent: OpaquePointer?
        var rc = mdb_txn_begin(env, nil, 0, &parent)
        if rc == MDB_MAP_RESIZED { return .resized }
        if rc != MDB_SUCCESS { return classify(rc) }

        let signals = BatchSignals(watches: watches.withLock { $0 })
        let counters = CounterAccumulator()
        // Isolated, a body's increments wait for its child to commit.
        let bodyCounters = CounterAccumulator()
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(batch.count)
        if !isolated, let stop = runDirectly(batch, in: parent!, signals, counters, &outcomes) { return stop }
        for (index, write) in batch.enumerated() where isolated {
            var child: OpaquePointer?
            rc = mdb_txn_begin(env, parent, 0, &child)
            if rc != MDB_SUCCESS {
                signals.note(rc)
                if !signals.any { outcomes.append(.failure(StoreError(lmdb: rc))) }
            } else {
                do {
                    let answer = try write.apply(
                        LMDBWriter(transaction: Transaction(child!, environment), batch: signals, counters: bodyCounters))
                    rc = mdb_txn_commit(child)
                    if rc == MDB_SUCCESS {
                        outcomes.append(.success(answer))
                        counters.absorb(bodyCounters)
                    } else {
                        bodyCounters.discard()
                        // LMDB frees the child, but may have flagged the parent as failed (for instance when the body
                        // caught an engine error and returned normally): the parent cannot be trusted to commit.
                        signals.note(rc)
                        if !signals.any {
                            mdb_txn_abort(parent)
                            return .exclude(index, StoreError(lmdb: rc))
                        }
                    }
                } catch {
                    mdb_txn_abort(child)
                    bodyCounters.discard()
                    outcomes.append(.failure(error))
                }
            }
            if signals.mapFull {
                mdb_txn_abort(parent)
                return .mapFull
            }
            if signals.transactionFull {
                mdb_txn_abort(parent)
                return .tooLarge(StoreError(lmdb: MDB_TXN_FULL))
            }
        }
        guard outcomes.contains(where: { if case .success = $0 { true } else { false } }) else {
            mdb_txn_abort(parent)
            return .committed(outcomes)
        }
        do {
            try counters.apply(to: Transaction(parent!, environment), signals: signals)
        } catch {
            mdb_txn_abort(parent)
            if signals.mapFull { return .mapFull }
            if signals.transactionFull { return .tooLarge(StoreError(lmdb: MDB_TXN_FULL)) }
            return .failed(error)
        }
        // The one commit of the batch. On failure LMDB has already freed the parent.
        let deferSync = defersSync && batch.allSatisfy { $0.durability == .deferredSync }
        let id = UInt64(mdb_txn_id(parent))
        // After another process's commit, whatever it wrote, no cached value can be trusted.
        for watch in id == lastCommit.load(ordering: .relaxed) + 1 ? signals.touched : signals.watches { watch.changed(in: id) }
        if deferSync { mdb_env_set_flags(env, UInt32(MDB_NOSYNC), 1) }
        rc = mdb_txn_commit(parent)
        if deferSync { mdb_env_set_flags(env, UInt32(MDB_NOSYNC), 0) }
        guard rc == MDB_SUCCESS else {
            // A body that caught an engine error and returned normally can leave the transaction unable to commit;
            // isolated, only that body's child fails.
            if !isolated, case .failed = classify(rc) { return .isolate }
            return classify(rc)
        }
        // A commit that changed nothing takes no id; any other id in the file now is another process's.
        var info = MDB_envinfo()
        let last = mdb_env_info(env, &info) == MDB_SUCCESS ? UInt64(info.me_last_txnid) : 0
        lastCommit.store(last == id || last == id - 1 ? last : 0, ordering: .relaxed)
        // After a synced commit everything before it is on disk as well.
        unsynced.store(deferSync, ordering: .releasing)
        batches.add(1, ordering: .relaxed)
        writes.add(outcomes.count { if case .success = $0 { true } else { false } }, ordering: .relaxed)
        return .committed(outcomes)
    }

    private typealias Outcome = Result<@Sendable () -> Void, any Error>

    /// Runs every body straight in `parent`. Returns why to stop, having aborted the parent, or nil to commit.
    /// A failure reruns the whole batch isolated, so the bodies' increments can go straight into the batch's.
    private func runDirectly(
        _ batch: [PendingWrite], in parent: OpaquePointer, _ signals: BatchSignals, _ counters: CounterAccumulator, _ outcomes: inout [Outcome]
    ) -> Attempt? {
        for write in batch {
            let outcome = Outcome { try write.apply(LMDBWriter(transaction: Transaction(parent, environment), batch: signals, counters: counters)) }
            // A full map or transaction concerns the whole batch, even when the body caught the error and carried on.
            if signals.any {
                mdb_txn_abort(parent)
                return signals.mapFull ? .mapFull : .tooLarge(StoreError(lmdb: MDB_TXN_FULL))
            }
            guard case .success = outcome else {
                mdb_txn_abort(parent)
                return .isolate
            }
            outcomes.append(outcome)
        }
        return nil
    }

    private func classify(_ rc: Int32) -> Attempt {
        switch rc {
        case MDB_MAP_FULL: .mapFull
        case MDB_TXN_FULL: .tooLarge(StoreError(lmdb: rc))
        case MDB_MAP_RESIZED: .resized
        default: .failed(StoreError(lmdb: rc))
        }
    }
}
