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
