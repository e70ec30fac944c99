import Billing
public import Insights
import Kernel
import Logging
import Storage
import Tracking

/// `vouch rollups`: rebuilds each tenant's rollups from the raw records and compares them with the live ones,
/// replacing the live ones when `repair` is set. Opens the data directory itself; run it with the server stopped.
public func checkRollups(
    dataDirectory: String, handle: String?, repair: Bool
) async throws -> [(handle: String, report: RollupAudit.Report)] {
    let engine = try LMDBStore(path: dataDirectory)
    let logger = Logger(label: "vouch-rollups")
    let services = VouchServices(
        database: Database(engine: engine, bus: EventBus(logger: logger)), clock: SystemClock(),
        blobs: FileBlobStore(directory: dataDirectory + "/files"), notifier: LogNotifier(logger: logger), publicURL: "http://localhost")
    let audit = RollupAudit(store: engine, history: TrackingHistory(database: services.database), clicks: StoredClickLog())
    var reports: [(String, RollupAudit.Report)] = []
    do {
        for organization in try services.tenants.all() where handle.map({ $0 == organization.handle }) ?? true {
            reports.append((organization.handle, try await audit.run(organization.tenant, repair: repair)))
        }
        // Every tenant repaired: whatever layout the rollups were in, they are in this one now.
        if repair && handle == nil { try await RollupLayout.markCurrent(in: engine) }
    } catch {
        await engine.shutdown()
        throw error
    }
    await engine.shutdown()
    return reports
}
