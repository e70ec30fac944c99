public import Foundation
public import Kernel
import Logging
public import Storage

/// A fresh directory under the system temporary directory, removed afterwards, so tests can run in parallel.
public func withTemporaryDirectory<R>(_ body: (String) async throws -> R) async throws -> R {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-test-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// An `LMDBStore` in a temporary directory, shut down after `body` whether it throws or not.
public func withTemporaryStore<R>(initialMapSize: Int = 64 << 20, _ body: (LMDBStore, String) async throws -> R) async throws -> R {
    try await withTemporaryDirectory { path in
        let store = try LMDBStore(path: path, initialMapSize: initialMapSize)
        do {
            let result = try await body(store, path)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}

/// A `Database` over a real LMDB store in a temporary directory.
public func withTemporaryDatabase<R>(
    clock: any WallClock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000)),
    _ body: (Database, LMDBStore) async throws -> R
) async throws -> R {
    try await withTemporaryStore { store, _ in
        try await body(Database(engine: store, bus: EventBus(logger: Logger(label: "test"))), store)
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
