import Billing
import Insights
import Kernel
import Logging
import Tracking

/// Before a server serves a data directory whose rollups are in an earlier layout (`RollupAudit.isEarlierLayout`),
/// rebuilds every tenant's rollups from the raw records, once.
func upgradeRollupLayout(_ services: VouchServices, logger: Logger) async throws {
    let audit = RollupAudit(store: services.database.engine, history: TrackingHistory(database: services.database), clicks: StoredClickLog())
    if try audit.isEarlierLayout() {
        logger.notice("rebuilding every tenant's rollups once: clicks are now folded from their records")
        for organization in try services.tenants.all() { _ = try await audit.run(organization.tenant, repair: true) }
    }
    try await audit.markCurrentLayout()
}
