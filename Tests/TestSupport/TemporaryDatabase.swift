public import Foundation
public import Kernel
import Logging
public import Storage

/// A `Database` over a real LMDB store in a fresh temporary directory, torn down after `body`, so every test has
/// its own data and tests run in parallel.
public func withTemporaryDatabase<R>(
    clock: any WallClock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000)),
    _ body: (Database, LMDBStore) async throws -> R
) async throws -> R {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-test-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try LMDBStore(path: path)
    let database = Database(engine: store, bus: EventBus(logger: Logger(label: "test")))
    do {
        let result = try await body(database, store)
        await store.shutdown()
        return result
    } catch {
        await store.shutdown()
        throw error
    }
}

/// A tenant number for tests.
public func testTenant(_ number: UInt32) -> TenantID { TenantID(number: number)! }

/// The `DomainError` that `body` throws, or `nil` when it throws nothing or something else.
public func domainError(_ body: () async throws -> Void) async -> DomainError? {
    do {
        try await body()
        return nil
    } catch let error as DomainError {
        return error
    } catch {
        return nil
    }
}
