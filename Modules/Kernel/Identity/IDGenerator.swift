import Foundation
import Synchronization

/// Mints UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids minted in the
/// same millisecond strictly increasing, then 62 random bits. Time order is therefore byte order, which is what the
/// newest-first lists and cursors rely on.
public final class IDGenerator: Sendable {
    private struct State {
        var millis: UInt64 = 0
        var counter: UInt16 = 0
        var randomness = RandomPool()
    }
    private let clock: any WallClock
    private let state = Mutex(State())

    public init(clock: any WallClock) { self.clock = clock }

    public func next<Tag>(_: Tag.Type = Tag.self) -> TypedID<Tag> {
        let now = UInt64(max(0, clock.now().timeIntervalSince1970 * 1000))
        let (millis, counter, tail) = state.withLock { state -> (UInt64, UInt16, UInt64) in
            if now > state.millis {
                state.millis = now
                state.counter = UInt16(truncatingIfNeeded: state.randomness.next() & 0x3FF)  // leaves room to count upwards
            } else if state.counter < 0xFFF {
                state.counter += 1
            } else {
                state.millis += 1  // counter exhausted: borrow the next millisecond rather than repeat an id
                state.counter = 0
            }
            return (state.millis, state.counter, state.randomness.next())
        }
        // Written into the UUID's own bytes: an array and parsing it back cost more than minting the id.
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { bytes in
            for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - index))) }
            bytes[6] = 0x70 | UInt8(counter >> 8)
            bytes[7] = UInt8(truncatingIfNeeded: counter)
            for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: tail >> (8 * (15 - index))) }
            bytes[8] = 0x80 | (bytes[8] & 0x3F)
        }
        return TypedID(uuid: UUID(uuid: raw))
    }

    /// Makes every id minted from now on greater than `id`, minted by an earlier process, even while the clock is
    /// behind it (set back since, say): they continue from the millisecond after it.
    public func advance<Tag>(past id: TypedID<Tag>) {
        let millis = withUnsafeBytes(of: id.uuid.uuid) { $0.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        state.withLock { state in
            guard millis >= state.millis else { return }
            state.millis = millis + 1
            state.counter = 0
        }
    }
}

/// Random words drawn from the system's generator 64 at a time: one draw per id was a system call on every click.
private struct RandomPool {
    private var words = [UInt64](repeating: 0, count: 64)
    private var used = 64

    mutating func next() -> UInt64 {
        if used == words.count {
            words.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
            used = 0
        }
        defer { used += 1 }
        return words[used]
    }
}
