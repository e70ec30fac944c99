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
