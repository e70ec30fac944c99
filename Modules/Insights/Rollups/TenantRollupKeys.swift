import Kernel
import Synchronization

/// Each tenant's `RollupKeys`, made once rather than for every event the projector meets: making them allocates a
/// prefix for each of their seven keyspaces, on the writer's thread.
final class TenantRollupKeys: Sendable {
    private let namespace: String
    private let made = Mutex<[TenantID: RollupKeys]>([:])

    init(namespace: String) { self.namespace = namespace }

    func callAsFunction(_ tenant: TenantID) -> RollupKeys {
        made.withLock { made in
            if let keys = made[tenant] { return keys }
            let keys = RollupKeys(tenant, namespace: namespace)
            made[tenant] = keys
            return keys
        }
    }
}
