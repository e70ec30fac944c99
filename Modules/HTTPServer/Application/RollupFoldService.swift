import Insights
import Logging
import ServiceLifecycle

/// Folds new clicks and pending conversion rows into the rollups in the background, so that a query seldom finds any left to fold itself.
/// Added after the store, so it stops before the store closes; what is still pending then is folded after restart.
struct RollupFoldService: Service {
    let folder: RollupFolder
    let logger: Logger

    func run() async {
        await cancelWhenGracefulShutdown {
            while true {
                do { try await Task.sleep(for: RollupFolder.backgroundInterval) } catch { return }
                do {
                    try await folder.fold()
                } catch {
                    logger.error("folding into the rollups failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
