import Foundation

/// Writes small MaxMind DB files (MaxMind DB File Format Specification v2.0), so the tests can give libmaxminddb a
/// real database: an IPv6 search tree of 24-bit records, IPv4 networks at `::/96` (where libmaxminddb looks IPv4
/// addresses up), a data section of maps, strings and unsigned integers, then the metadata.
struct MMDBWriter {
    indirect enum Value: ExpressibleByStringLiteral {
        case string(String), uint16(UInt16), uint32(UInt32), uint64(UInt64), array([Value])
        case map(KeyValuePairs<String, Value>)

        init(stringLiteral value: String) { self = .string(value) }
    }

    /// Where a record of the tree leads: nowhere, to another node, or to an offset in the data section.
    private enum Record: Equatable { case empty, node(Int), data(Int) }

    private var nodes: [[Record]] = [[.empty, .empty]]
    private var dataSection: [UInt8] = []

    /// Maps every address of `network` ("192.0.2.0/24" or "2001:db8::/32") to `value`. Networks must not overlap.
    mutating func insert(_ network: String, _ value: Value) {
        let (address, prefixLength) = Self.parse(network)
        let offset = dataSection.count
        Self.encode(value, into: &dataSection)
        var node = 0
        for depth in 0..<prefixLength {
            let bit = Int(address[depth / 8] >> (7 - depth % 8) & 1)
            if depth == prefixLength - 1 {
                nodes[node][bit] = .data(offset)
            } else if case .node(let next) = nodes[node][bit] {
                node = next
            } else {
                precondition(nodes[node][bit] == .empty, "\(network) overlaps a network inserted before")
                nodes.append([.empty, .empty])
                nodes[node][bit] = .node(nodes.count - 1)
                node = nodes.count - 1
            }
        }
    }

    func bytes() -> [UInt8] {
        let nodeCount = nodes.count
        precondition(nodeCount + 16 + dataSection.count < 1 << 24, "too big for 24-bit records")
        var file: [UInt8] = []
        for record in nodes.joined() {
            // A record holds a node number, the node count for "no data", or 16 + node count + a data offset.
            let number =
                switch record {
                case .empty: nodeCount
                case .node(let next): next
                case .data(let offset): nodeCount + 16 + offset
                }
            file += [UInt8(number >> 16 & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number & 0xFF)]
        }
        file += [UInt8](repeating: 0, count: 16)
        file += dataSection
        file += [0xAB, 0xCD, 0xEF] + Array("MaxMind.com".utf8)
        let metadata: Value = .map([
            "node_count": .uint32(UInt32(nodeCount)), "record_size": .uint16(24), "ip_version": .uint16(6),
            "database_type": "Vouch-Test-Country", "languages": .array(["en"]),
            "binary_format_major_version": .uint16(2), "binary_format_minor_version": .uint16(0),
            "build_epoch": .uint64(1_780_000_000), "description": .map(["en": "Vouch test database for country lookups"]),
        ])
        Self.encode(metadata, into: &file)
        return file
    }

    private static func encode(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .string(let text):
            control(type: 2, size: text.utf8.count, into: &out)
            out += text.utf8
        case .uint16(let number): unsigned(type: 5, UInt64(number), into: &out)
        case .uint32(let number): unsigned(type: 6, UInt64(number), into: &out)
        case .uint64(let number): unsigned(type: 9, number, into: &out)
        case .array(let items):
            control(type: 11, size: items.count, into: &out)
            for item in items { encode(item, into: &out) }
        case .map(let pairs):
            control(type: 7, size: pairs.count, into: &out)
            for (key, item) in pairs {
                encode(.string(key), into: &out)
                encode(item, into: &out)
            }
        }
    }

    /// Big-endian, without leading zero bytes: the size in the control byte says how many follow.
    private static func unsigned(type: Int, _ number: UInt64, into out: inout [UInt8]) {
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: number >> (56 - 8 * $0)) }.drop { $0 == 0 }
        control(type: type, size: bytes.count, into: &out)
        out += bytes
    }

    /// The type in the top three bits (0, then a byte of type − 7, for types past 7) and the size in the low five;
    /// sizes from 29 to 284 put 29 there and the rest in the byte after the type.
    private static func control(type: Int, size: Int, into out: inout [UInt8]) {
        precondition(size < 285, "sizes past 284 need a wider size field, which these tests do not use")
        out.append(UInt8((type > 7 ? 0 : type) << 5 | min(size, 29)))
        if type > 7 { out.append(UInt8(type - 7)) }
        if size >= 29 { out.append(UInt8(size - 29)) }
    }

    /// The 16 bytes of the network's IPv6 address and its prefix length in IPv6 bits.
    private static func parse(_ network: String) -> (address: [UInt8], prefixLength: Int) {
        let parts = network.split(separator: "/")
        guard parts.count == 2, let length = Int(parts[1]) else { preconditionFailure("not a network: \(network)") }
        var address = [UInt8](repeating: 0, count: 16)
        if inet_pton(AF_INET6, String(parts[0]), &address) == 1 { return (address, length) }
        var ipv4 = [UInt8](repeating: 0, count: 4)
        precondition(inet_pton(AF_INET, String(parts[0]), &ipv4) == 1, "not an address: \(parts[0])")
        return ([UInt8](repeating: 0, count: 12) + ipv4, 96 + length)
    }
}
