public import Kernel
import Synchronization

/// Where the crash writer keeps its data. The test target reads the same layout back.
public struct CrashLayout: Sendable {
    public let entries = Keyspace.tenant(TenantID(number: 7)!, "crash-entries")
    public let total = Keyspace.tenant(TenantID(number: 7)!, "crash-total").key("total")

    public init() {}

    public static func bytes(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }

    public static func number(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// (count of entries, sum of their numbers)
    public static func total(_ bytes: [UInt8]) -> (count: UInt64, sum: UInt64) {
        (number(bytes.prefix(8)), number(bytes.dropFirst(8)))
    }
}

/// Hands out increasing key numbers to the concurrent writers.
final class NumberSource: Sendable {
    private let last: Atomic<UInt64>

    init(after start: UInt64) { last = Atomic(start) }

    func next() -> UInt64 { last.add(1, ordering: .relaxed).newValue }
}
