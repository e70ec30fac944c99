public import Kernel

/// The LMDB engine behind Kernel's `KeyValueStore`: synchronous reads on the caller's thread, writes through the
/// group-commit writer. Built once by the composition root; contexts only see the protocol.
public final class LMDBStore: KeyValueStore {
    public let environment: LMDBEnvironment
    private let writer: GroupCommitWriter

    /// How long a `.deferredSync` write may wait for its fsync unless the owner says otherwise.
    public static let defaultSyncInterval = Duration.milliseconds(100)

    /// Takes ownership of `environment`: `shutdown()` closes it.
    /// `syncInterval` bounds how long a `.deferredSync` write may wait for its fsync; without one, every write is
    /// fsynced before it is answered.
    public init(environment: LMDBEnvironment, batchLimit: Int = 1_000, syncInterval: Duration? = defaultSyncInterval) {
        self.environment = environment
        writer = GroupCommitWriter(environment: environment, batchLimit: batchLimit, syncInterval: syncInterval)
    }

    /// Opens the environment in the directory `path` and starts the writer.
    public convenience init(
        path: String, initialMapSize: Int = 64 << 20, maxReaders: Int = 512, syncInterval: Duration? = defaultSyncInterval
    ) throws {
        self.init(environment: try LMDBEnvironment(path: path, initialMapSize: initialMapSize, maxReaders: maxReaders), syncInterval: syncInterval)
    }

    deinit {
        // Without a shutdown, still let the thread drain and exit; it releases the environment, which then closes.
        writer.finish()
    }

    public func read<T>(_ body: (borrowing any StoreReader & ~Copyable) throws -> T) throws -> T {
        try environment.withReadTransaction { txn in
            // Passed as a temporary: the view exists only for this call and is gone before the abort.
            try body(LMDBReader(transaction: Transaction(txn, environment)))
        }
    }

    /// Queues `body` for the writer and returns once the batch it ran in is committed (and fsynced, unless every
    /// write of the batch deferred its sync).
    public func write<T: Sendable>(durability: WriteDurability, _ body: @escaping WriteBody<T>) async throws -> T {
        try await writer.submit(durability: durability, body)
    }

    public func register(_ watch: CollectionWatch) { writer.register(watch) }

    /// Answers every write already queued, stops the writer thread, then closes the environment. Writes submitted
    /// afterwards throw `StoreError.Code.closed`.
    public func shutdown() async {
        writer.finish()
        await writer.finished()
        environment.close()
    }

    /// A compacted, consistent copy into the directory `path`, taken while serving.
    public func backup(to path: String) throws {
        try environment.backup(to: path)
    }

    /// How many batches the writer has committed: each is one durable commit (one fsync) for all its writes.
    public var committedBatches: Int { writer.committedBatches }
    /// How many write bodies have been committed.
    public var committedWrites: Int { writer.committedWrites }
    /// Whether a commit is waiting for the fsync its `.deferredSync` writes put off.
    public var hasUnsyncedCommits: Bool { writer.hasUnsyncedCommits }
}
