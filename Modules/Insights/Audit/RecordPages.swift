import Kernel

/// The entries under one prefix of the `rollups` table, read in pages, each page in its own short read
/// transaction, so that walking millions of cells never holds a reader open for long.
struct RecordPages {
    let store: any KeyValueStore
    let prefix: StoreKey
    let pageSize: Int
    private var buffered: [(suffix: [UInt8], value: [UInt8])] = []
    private var position = 0
    private var after: StoreKey?
    private var exhausted = false

    init(_ store: any KeyValueStore, _ keyspace: Keyspace, pageSize: Int = 10_000) {
        self.store = store
        prefix = keyspace.prefix
        self.pageSize = pageSize
    }

    /// The next entry, its key without the prefix; `nil` at the end.
    mutating func next() throws -> (suffix: [UInt8], value: [UInt8])? {
        if position == buffered.count {
            guard !exhausted else { return nil }
            try refill()
            guard position < buffered.count else { return nil }
        }
        defer { position += 1 }
        return buffered[position]
    }

    private mutating func refill() throws {
        let (start, resume, limit) = (prefix, after, pageSize)
        let page: ([(suffix: [UInt8], value: [UInt8])], StoreKey?) = try store.read { reader in
            var entries: [(suffix: [UInt8], value: [UInt8])] = []
            var last: StoreKey?
            try reader.scan(.rollups, prefix: start, after: resume, reverse: false) { key, value in
                entries.append((Array(key.suffix(after: start)), value))
                last = key
                return entries.count < limit
            }
            return (entries, last)
        }
        buffered = page.0
        position = 0
        after = page.1
        exhausted = page.0.count < pageSize
    }
}
