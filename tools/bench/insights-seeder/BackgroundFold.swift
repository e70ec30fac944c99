import Insights

/// Runs `body` while folding new clicks as often as the server's `RollupFoldService` does, then
/// folds what is left: timings taken around it include the folding.
func whileFolding<T>(_ folder: RollupFolder, _ body: () async throws -> T) async throws -> T {
    let value = try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            while true {
                do { try await Task.sleep(for: RollupFolder.backgroundInterval) } catch { return }
                try await folder.fold()
            }
        }
        let value = try await body()
        group.cancelAll()
        try await group.waitForAll()
        return value
    }
    try await folder.fold()
    return value
}
