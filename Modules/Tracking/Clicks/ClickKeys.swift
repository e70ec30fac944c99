import Contracts
import Kernel

/// Where clicks live: one record per click under the tenant, keyed by its time-ordered id.
enum ClickKeys {
    static func clicks(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "click") }
    /// The last install-verification heartbeat of each program.
    static func heartbeats(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "tracking-heartbeat") }
}
