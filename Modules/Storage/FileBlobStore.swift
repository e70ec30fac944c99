import Foundation
public import Kernel

/// Files under a directory of the data directory. A file is written to a temporary name and renamed into place, so
/// a reader never sees half a file.
public struct FileBlobStore: BlobStore {
    let directory: URL

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    public func put(_ key: [String], _ bytes: [UInt8]) throws {
        let url = try path(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
        try Data(bytes).write(to: temporary)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    public func get(_ key: [String]) throws -> [UInt8]? {
        let url = try path(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return Array(try Data(contentsOf: url))
    }

    /// Only plain segments: no separators, no dot names, so a key can never leave the directory.
    private func path(_ key: [String]) throws -> URL {
        guard !key.isEmpty, key.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("/") && !$0.contains("\0") }) else {
            throw StoreError(.engine, message: "invalid blob key \(key)")
        }
        return key.reduce(directory) { $0.appendingPathComponent($1) }
    }
}
