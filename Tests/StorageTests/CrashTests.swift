import Foundation
import Kernel
import Storage
import TestSupport
import StorageCrashWriter
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RELIABILITY.md §4.4: every write acknowledged before a SIGKILL is in the store afterwards, and what the store holds
/// is consistent (each entry and its running-total update committed together).
@Suite struct CrashTests {
    @Test(.timeLimit(.minutes(1))) func acknowledgedWritesSurviveSIGKILL() async throws {
        let writer = try #require(Self.crashWriterURL(), "StorageCrashWriter not found next to the test binary")
        try await withTemporaryDirectory { path in
            var acknowledgedSoFar = Set<UInt64>()
            for round in 1...3 {
                let acknowledged = try await Self.runAndKill(writer, path: path, for: .milliseconds(1_500))
                #expect(!acknowledged.isEmpty, "round \(round): the writer acknowledged nothing")
                acknowledgedSoFar.formUnion(acknowledged)

                let store = try LMDBStore(path: path)
                let layout = CrashLayout()
                let (stored, total) = try store.read { reader in
                    var stored = Set<UInt64>()
                    try reader.scan(.records, prefix: layout.entries.prefix) { key, value in
                        let n = CrashLayout.number(key.suffix(after: layout.entries.prefix))
                        #expect(CrashLayout.number(value) == n)
                        stored.insert(n)
                        return true
                    }
                    return (stored, try reader.get(.records, layout.total).map(CrashLayout.total))
                }
                await store.shutdown()

                let missing = acknowledgedSoFar.subtracting(stored)
                #expect(missing.isEmpty, "round \(round): acknowledged but lost: \(missing.sorted().prefix(10))")
                #expect(total?.count == UInt64(stored.count), "round \(round): total count disagrees with the entries")
                #expect(total?.sum == stored.reduce(0, +), "round \(round): total sum disagrees with the entries")
                print("crash round \(round): \(acknowledged.count) acknowledged, \(stored.count) stored in all")
            }
        }
    }

    /// Runs the writer on `path`, collects the numbers it acknowledges, and SIGKILLs it after `duration`.
    static func runAndKill(_ executable: URL, path: String, for duration: Duration) async throws -> Set<UInt64> {
        let process = Process()
        process.executableURL = executable
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        let received = Mutex(Data())
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            received.withLock { $0.append(chunk) }
        }
        let exited = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            exited.continuation.yield()
            exited.continuation.finish()
        }
        try process.run()
        try await Task.sleep(for: duration)
        kill(process.processIdentifier, SIGKILL)
        for await _ in exited.stream { break }
        output.fileHandleForReading.readabilityHandler = nil
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let text = received.withLock { String(decoding: $0 + rest, as: UTF8.self) }
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL, "the writer stopped by itself")
        // Only whole lines count: a number is acknowledged once its line, newline included, was written.
        return Set(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { UInt64($0) })
    }

    /// SwiftPM puts the writer in the products directory, next to the test binary. On Linux (checked with Swift
    /// 6.3.1) the test binary is the `.xctest` executable itself: `CommandLine.arguments[0]` is its path and
    /// `Bundle.main.bundleURL` is the products directory. On macOS the `.xctest` is a bundle inside that directory.
    static func crashWriterURL() -> URL? {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            testBinary.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("StorageCrashWriter")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}
