import Foundation
import Kernel
import Logging

/// The operator's admin token: the configured one, or one generated on first start, stored in the data directory
/// (readable by the owner only) and printed once.
enum AdminToken {
    static func resolve(configured: String?, dataDirectory: String, logger: Logger) throws -> String {
        if let configured, !configured.isEmpty { return configured }
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("admin-token").path
        if let stored = try? String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !stored.isEmpty {
            return stored
        }
        let token = "vat_" + RandomToken.base62(length: 40)
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let notice = "Generated an admin token (stored in \(path)); use it as 'Authorization: Bearer <token>' on /admin:\n\(token)\n"
        FileHandle.standardOutput.write(Data(notice.utf8))
        logger.notice("generated admin token", metadata: ["path": "\(path)"])
        return token
    }
}
