import Hummingbird
import Kernel

/// `/healthz` answers `ok` without touching storage (the process is up); `/readyz` answers `ready` once a read
/// transaction succeeds.
enum HealthRoutes {
    static func add(to router: Router<AppRequestContext>, database: Database) {
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ -> String in
            do {
                _ = try database.read { store in try store.get(.records, Keyspace.global("readiness").key()) }
            } catch {
                throw DomainError(.unavailable, "not_ready", "Storage is not available")
            }
            return "ready"
        }
    }
}
