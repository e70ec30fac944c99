import Logging
import ServiceLifecycle
import Storage

/// Keeps the store open while the server runs and closes it (after pending writes commit) on shutdown.
struct StoreService: Service {
    let store: LMDBStore
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        await store.shutdown()
        logger.info("storage closed; pending writes committed")
    }
}
