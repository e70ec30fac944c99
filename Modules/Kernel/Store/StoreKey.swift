import Foundation

/// A key in the store: a 4-byte big-endian tenant number (0 for global lookups), a collection name ended by a 0 byte,
/// then the record's own components. Fixed width and terminators make every prefix scan exact: tenant 1 never runs
/// into tenant 10, collection `program` never into `programs`.
public struct StoreKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public static func < (lhs: StoreKey, rhs: StoreKey) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    public func hasPrefix(_ prefix: StoreKey) -> Bool { bytes.starts(with: prefix.bytes) }

    /// The bytes in one call: the derived hash fed them to the hasher one at a time, which dominated the cost of
    /// summing rollup increments per key.
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    public static func == (lhs: StoreKey, rhs: StoreKey) -> Bool { lhs.bytes == rhs.bytes }

    /// The bytes after `prefix`, which this key must start with.
    public func suffix(after prefix: StoreKey) -> ArraySlice<UInt8> { bytes[prefix.bytes.count...] }

    public var description: String { bytes.map { String($0, radix: 16) }.joined(separator: " ") }
}

/// One collection of keys of one tenant, or of the global range. Only `Keyspace` builds keys, and it needs a
/// `TenantID` to do so, so tenant scoping is carried by types.
public struct Keyspace: Sendable {
    public let prefix: StoreKey

    private init(tenantNumber: UInt32, collection: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(5 + collection.utf8.count)
        withUnsafeBytes(of: tenantNumber.bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: collection.utf8)
        // Checked on the copied bytes: searching the string's UTF-8 view cost more than building the key.
        precondition(!bytes[4...].contains(0), "collection names cannot contain a 0 byte")
        bytes.append(0)
        prefix = StoreKey(bytes: bytes)
    }

    private init(prefix: StoreKey) { self.prefix = prefix }

    /// The part of this keyspace whose keys start with `components`, e.g. one owner's entries of an index.
    public func narrowed(to components: any KeyComponent...) -> Keyspace {
        var bytes = prefix.bytes
        for component in components { component.appendKeyBytes(to: &bytes) }
        return Keyspace(prefix: StoreKey(bytes: bytes))
    }

    public static func tenant(_ tenant: TenantID, _ collection: String) -> Keyspace {
        Keyspace(tenantNumber: tenant.number, collection: collection)
    }

    /// The reserved range for lookups that span tenants (handle → tenant, API-key hash → key, global slugs).
    public static func global(_ collection: String) -> Keyspace {
        Keyspace(tenantNumber: 0, collection: collection)
    }

    /// A key built in one allocation, where `build` appends about `extra` bytes: for keys built by the thousand.
    public func key(reserving extra: Int, _ build: (inout [UInt8]) -> Void) -> StoreKey {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefix.bytes.count + extra)
        bytes.append(contentsOf: prefix.bytes)
        build(&bytes)
        return StoreKey(bytes: bytes)
    }

    public func key(_ components: any KeyComponent...) -> StoreKey {
        var bytes = prefix.bytes
        for component in components { component.appendKeyBytes(to: &bytes) }
        return StoreKey(bytes: bytes)
    }

    /// All keys from `start` of the given tenant's range: used to export or drop a tenant.
    public static func wholeTenant(_ tenant: TenantID) -> StoreKey {
        StoreKey(bytes: tenant.bytes)
    }
}

/// A part of a key, encoded so that byte order is the natural order.
public protocol KeyComponent {
    func appendKeyBytes(to bytes: inout [UInt8])
}

extension String: KeyComponent {
    /// UTF-8 and a 0 terminator, so `ab` sorts before `abc` and neither is a prefix match of the other.
    public func appendKeyBytes(to bytes: inout [UInt8]) {
        // Copied whole unless there is a 0 to drop, found with memchr: searching the UTF-8 view byte by byte cost
        // more than the copy.
        var text = self
        text.withUTF8 { utf8 in
            if let start = utf8.baseAddress, memchr(start, 0, utf8.count) != nil {
                bytes.append(contentsOf: utf8.lazy.filter { $0 != 0 })
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(0)
    }
}

// The fixed-width parts are inlinable: other modules build keys from them in hot loops (a fold builds hundreds of
// thousands), where a call for each byte or word showed.
extension UInt64: KeyComponent {
    @inlinable
    public func appendKeyBytes(to bytes: inout [UInt8]) {
        withUnsafeBytes(of: bigEndian) { bytes.append(contentsOf: $0) }
    }
}

extension UInt8: KeyComponent {
    @inlinable
    public func appendKeyBytes(to bytes: inout [UInt8]) { bytes.append(self) }
}

extension UInt32: KeyComponent {
    @inlinable
    public func appendKeyBytes(to bytes: inout [UInt8]) {
        withUnsafeBytes(of: bigEndian) { bytes.append(contentsOf: $0) }
    }
}

extension TypedID: KeyComponent {
    public func appendKeyBytes(to bytes: inout [UInt8]) {
        withUnsafeBytes(of: uuid.uuid) { bytes.append(contentsOf: $0) }
    }
}
