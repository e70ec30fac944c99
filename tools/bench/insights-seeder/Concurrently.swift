import Foundation
import Synchronization

/// Something that happened at a moment of the past: the seeder records it with the clock set to `at`.
protocol Timed: Sendable {
    var at: Date { get }
}

/// Runs `body` for every item on `tasks` concurrent tasks, taking the items in order, as that many clients of the
/// server would: the single writer then commits their writes in batches, as in production.
func forEachConcurrently<Item: Sendable>(_ items: [Item], tasks: Int, _ body: @escaping @Sendable (Item) async throws -> Void) async throws {
    let cursor = ItemCursor()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<min(tasks, items.count) {
            group.addTask {
                while let index = cursor.next(below: items.count) { try await body(items[index]) }
            }
        }
        try await group.waitForAll()
    }
}

/// `forEachConcurrently`, each item recorded with the clock at its own historical time.
func replayConcurrently<Item: Timed>(_ items: [Item], tasks: Int, _ body: @escaping @Sendable (Item) async throws -> Void) async throws {
    try await forEachConcurrently(items, tasks: tasks) { item in
        try await HistoricalClock.$current.withValue(item.at) { try await body(item) }
    }
}

private final class ItemCursor: Sendable {
    private let position = Atomic<Int>(0)

    func next(below count: Int) -> Int? {
        let index = position.add(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}

extension PlannedClick: Timed {}
