/// The fixed-width number of a tenant (organization). Every stored key of the tenant starts with it, so a tenant is
/// one contiguous key range. Number 0 is reserved for global lookups and is never a tenant.
public struct TenantID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let number: UInt32

    public init?(number: UInt32) {
        guard number > 0 else { return nil }
        self.number = number
    }

    public static func < (lhs: TenantID, rhs: TenantID) -> Bool { lhs.number < rhs.number }
    public var description: String { "tenant#\(number)" }
}

extension TenantID {
    /// The 4 big-endian bytes that start every key of the tenant; index values use them to point at a tenant.
    public var bytes: [UInt8] { withUnsafeBytes(of: number.bigEndian) { Array($0) } }

    /// The tenant named by the first 4 bytes of `bytes`; `nil` when there are fewer or they name tenant 0.
    /// Inlinable so callers get it specialized: generic across the module boundary it cost thousands of instructions.
    @inlinable
    public init?(leadingBytes bytes: some Collection<UInt8>) {
        guard bytes.count >= 4 else { return nil }
        self.init(number: bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) })
    }
}
