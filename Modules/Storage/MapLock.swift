#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Guards the memory map. Every transaction (reads, the writer's batch, a backup) holds it shared; resizing and
/// closing hold it exclusive, because `mdb_env_set_mapsize` and `mdb_env_close` require that no transaction is active
/// in the process.
///
/// On Linux the lock prefers the exclusive side, so a steady stream of short reads cannot starve a map resize. That
/// would deadlock a thread taking the lock shared twice while a resize waits, so shared acquisition is re-entrant per
/// thread: a nested read (a read inside a read, or inside a write body) does not take the lock again.
final class MapLock: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>
    /// Per-thread count of shared holds; the value is the count itself, stored as a pointer's bit pattern.
    private var depthKey = pthread_key_t()

    init() {
        lock = .allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        #if os(Linux)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        #endif
        pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
        pthread_key_create(&depthKey, nil)
    }

    deinit {
        pthread_key_delete(depthKey)
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func withShared<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        let depth = Int(bitPattern: pthread_getspecific(depthKey))
        if depth == 0 { pthread_rwlock_rdlock(lock) }
        pthread_setspecific(depthKey, UnsafeRawPointer(bitPattern: depth + 1))
        defer {
            pthread_setspecific(depthKey, UnsafeRawPointer(bitPattern: depth))
            if depth == 0 { pthread_rwlock_unlock(lock) }
        }
        return try body()
    }

    /// Must not be called by a thread that holds the lock shared.
    func withExclusive<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        precondition(Int(bitPattern: pthread_getspecific(depthKey)) == 0, "map resize or close inside a transaction")
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
