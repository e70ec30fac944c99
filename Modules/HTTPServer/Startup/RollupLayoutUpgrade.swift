import Billing
import Insights
import Kernel
import Logging
import Tracking

/// Before a server serves a data directory whose rollups are in an earlier layout (`RollupLayout`), rebuilds every
/// tenant's rollups from the raw records, once.
func upgradeRollupLayout(_ services: VouchServices, logger: Logger) async throws {
    let store = services.database.engine
    if try RollupLayout.isEarlier(in: store) {
        logger.notice("rebuilding every tenant's rollups once: clicks are now folded from their records")
        let audit = RollupAudit(store: store, history: TrackingHistory(database: services.database), clicks: StoredClickLog())
        for organization in try services.tenants.all() { _ = try await audit.run(organization.tenant, repair: true) }
    }
    try await RollupLayout.markCurrent(in: store)
}
