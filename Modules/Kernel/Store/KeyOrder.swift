public import Foundation

extension Collection {
    /// The elements in the byte order of their keys, as LMDB keeps them: the order in which a batch of cell updates
    /// walks the tree's pages once. The keys are copied into one buffer and only small offsets into it are sorted,
    /// so a comparison is one `memcmp`, without the reference counting that moving keys themselves costs; sorting
    /// a fold's two hundred thousand cells that way took a large share of its time.
    @inlinable
    public func sorted(byKey key: (Element) -> StoreKey) -> [Element] {
        let elements = Array(self)
        var buffer: [UInt8] = []
        // Room for keys of a typical size, so a large batch does not copy the buffer every time it grows.
        buffer.reserveCapacity(elements.count * 64)
        var spans: [(start: Int, count: Int, element: Int)] = []
        spans.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let bytes = key(element).bytes
            spans.append((buffer.count, bytes.count, index))
            buffer.append(contentsOf: bytes)
        }
        buffer.withUnsafeBytes { buffer in
            // An empty key has no bytes to point at; any pointer does for it, since no byte of it is compared.
            let base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
            spans.sort { a, b in
                let order = memcmp(base + a.start, base + b.start, Swift.min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
        return spans.map { elements[$0.element] }
    }
}
