// Crash-test writer (RELIABILITY.md §4.4): writes forever through `LMDBStore.write` from several tasks and prints
// each key number once its write is acknowledged. The test kills it with SIGKILL and checks that every printed
// number is in the store and that the running total agrees with the entries.
//
// Usage: StorageCrashWriter <data directory>
import Foundation
import Kernel
import Storage

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: StorageCrashWriter <data directory>\n".utf8))
    exit(2)
}

let store = try LMDBStore(path: CommandLine.arguments[1])
let layout = CrashLayout()
// Restarted on the same directory, carry on after the highest number already stored.
let highest = try store.read { reader in
    var highest: UInt64 = 0
    try reader.scan(.records, prefix: layout.entries.prefix, after: nil, reverse: true) { key, _ in
        highest = CrashLayout.number(key.suffix(after: layout.entries.prefix))
        return false
    }
    return highest
}
let numbers = NumberSource(after: highest)

await withTaskGroup(of: Void.self) { group in
    for _ in 0..<8 {
        group.addTask {
            while true {
                let n = numbers.next()
                do {
                    try await store.write { writer in
                        try writer.put(.records, layout.entries.key(n), CrashLayout.bytes(n))
                        // The running total (count, sum) changes in the same transaction as the entry.
                        let total = try writer.get(.records, layout.total).map(CrashLayout.total) ?? (count: 0, sum: 0)
                        try writer.put(.records, layout.total, CrashLayout.bytes(total.count + 1) + CrashLayout.bytes(total.sum + n))
                    }
                } catch {
                    FileHandle.standardError.write(Data("write \(n) failed: \(error)\n".utf8))
                    exit(1)
                }
                // One unbuffered write(2) per line: nothing waits in a stdio buffer when SIGKILL comes, and a
                // line this short reaches a pipe whole even with eight tasks writing.
                FileHandle.standardOutput.write(Data("\(n)\n".utf8))
            }
        }
    }
}
