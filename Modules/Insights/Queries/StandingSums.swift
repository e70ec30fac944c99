import Contracts
import Kernel

/// Each affiliate's running totals while a window's standing blocks are scanned. Every block lists its affiliates in
/// the same key order, so after summing one affiliate the next cell is usually for the affiliate that followed it
/// before, or one a few steps further along when this block lacks some: the chain of successors is followed a few
/// steps first, and only a miss costs a hash lookup.
struct StandingSums {
    private var affiliates: [AffiliateID] = []
    private var totals: [CounterSet] = []
    private var ids: [AffiliateWords] = []
    /// Positions in key order as first met: each one's successor, -1 at the end. Scanning the longest block first
    /// links nearly everyone at once.
    private var successors: [Int] = []
    private var positions: [AffiliateWords: Int] = [:]
    private var previous: Int?
    private static let lookahead = 4

    /// Starts the next block: its first affiliate has no predecessor to guess from.
    mutating func startBlock() { previous = nil }

    /// Where the affiliate whose key bytes are `bytes` is summed, added when new; `nil` when `bytes` is not an id.
    mutating func position(of bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count == 16 else { return nil }
        let id = AffiliateWords(bytes)
        let position = follow(to: id) ?? positions[id] ?? insert(id, bytes)
        previous = position
        return position
    }

    /// The affiliate's position when it is one of the next few along the chain from the previous one.
    private func follow(to id: AffiliateWords) -> Int? {
        guard var guess = previous.map({ successors[$0] }) else { return nil }
        for _ in 0..<Self.lookahead where guess >= 0 {
            if ids[guess] == id { return guess }
            guess = successors[guess]
        }
        return nil
    }

    private mutating func insert(_ id: AffiliateWords, _ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let affiliate = AffiliateID(bytes: bytes) else { return nil }
        let position = ids.count
        positions[id] = position
        ids.append(id)
        affiliates.append(affiliate)
        totals.append(CounterSet())
        // Linked in after the affiliate before it in this block.
        if let previous {
            successors.append(successors[previous])
            successors[previous] = position
        } else {
            successors.append(-1)
        }
        return position
    }

    mutating func add(_ slot: UInt32, _ value: Int64, at position: Int) { totals[position].add(slot, value) }

    var standings: [(affiliate: AffiliateID, totals: CounterSet)] { zip(affiliates, totals).map { (affiliate: $0, totals: $1) } }
}

/// An affiliate id's 16 key bytes as two words: hashed and compared with a few instructions.
private struct AffiliateWords: Hashable {
    let first: UInt64
    let second: UInt64

    init(_ bytes: UnsafeRawBufferPointer) {
        first = bytes.loadUnaligned(as: UInt64.self)
        second = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    }
}
