import Foundation
import Kernel
import Storage

/// A fresh data directory under the system temporary directory, removed afterwards, so tests can run in parallel.
func withTemporaryDirectory<R>(_ body: (String) async throws -> R) async throws -> R {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-storage-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// An `LMDBStore` on a temporary directory, shut down after `body` whether it throws or not.
func withTemporaryStore<R>(
    initialMapSize: Int = 64 << 20, _ body: (LMDBStore, String) async throws -> R
) async throws -> R {
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

func tenant(_ number: UInt32) -> TenantID { TenantID(number: number)! }

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

struct ExpectedFailure: Error, Equatable {
    let id: Int
}
