extension StoreReader where Self: ~Copyable {
    /// One page of the records of a keyspace, in key order or (for UUIDv7-keyed records, newest first) in reverse.
    /// `decode` returns `nil` to leave a record out (a filter); the cursor is the position of the last item returned.
    public func page<Item>(
        _ table: Table, in space: Keyspace, request: PageRequest, newestFirst: Bool = true,
        decode: (_ value: [UInt8]) throws -> Item?
    ) throws -> Page<Item> {
        let after = try request.cursor.map { cursor -> StoreKey in
            guard let suffix = Hex.decode(cursor.position) else {
                throw DomainError.validation("cursor", "cursor is malformed; pass back nextCursor exactly as received")
            }
            return StoreKey(bytes: space.prefix.bytes + suffix)
        }
        var items: [Item] = []
        var lastKey: StoreKey?
        var hasMore = false
        try scan(table, prefix: space.prefix, after: after, reverse: newestFirst) { key, value in
            guard let item = try decode(value) else { return true }
            if items.count == request.take {
                hasMore = true
                return false
            }
            items.append(item)
            lastKey = key
            return true
        }
        let next = hasMore ? lastKey.map { Cursor(position: Hex.encode($0.suffix(after: space.prefix))) } : nil
        return Page(items: items, nextCursor: next)
    }
}

/// Lowercase hexadecimal, for cursor positions.
enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
