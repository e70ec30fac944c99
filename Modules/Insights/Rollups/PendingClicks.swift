import Contracts
import Foundation
import Kernel

/// Clicks recorded but not yet folded into the rollups. A click adds to one pending cell, in its own transaction;
/// `RollupFolder` later moves whole batches of them into the thirty-odd cells each click counts in. A click is
/// always either pending or folded, never both and never neither, because a fold subtracts what it moves from the
/// pending cells in the same transaction that adds it to the rollups.
///
/// Keyed by tenant and the quarter second the click was recorded in, then program, affiliate, day and click profile
/// (`ClickProfile`), a cell counts the clicks and their hours of the day: all the rollups need of them. Clicks of one
/// affiliate and profile in the same quarter second share a cell, so a fold reads, sums and subtracts one cell for
/// them rather than one per click. The recording time grows, so a batch of clicks lands on the last pages of the
/// keyspace; keyed by affiliate first, every click dirtied a page of its own, which made recording a click with the
/// projections about a third slower than without.
struct PendingClicks {
    let space: Keyspace
    /// The leading bytes of a click's id (UUIDv7): its creation time in units of 256 ms.
    static let instantBytes = 5

    /// Named apart from the earlier layouts (`-pending`, keyed by affiliate first; `-pending-clicks`, one cell per
    /// click id), which this one cannot read.
    init(namespace: String = RollupKeys.live) { space = .global(namespace + "-pending-click-instants") }

    func cell(_ click: ClickRecorded) -> CounterIncrement {
        let profile = ClickProfile(country: click.country, device: click.device, link: click.linkID, referrerHost: click.referrerHost, utm: click.utm)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(space.prefix.bytes.count + 120)
        bytes.append(contentsOf: space.prefix.bytes)
        click.tenant.number.appendKeyBytes(to: &bytes)
        withUnsafeBytes(of: click.clickID.uuid.uuid) { bytes.append(contentsOf: $0.prefix(Self.instantBytes)) }
        click.programID.appendKeyBytes(to: &bytes)
        click.affiliateID.appendKeyBytes(to: &bytes)
        UInt32(CalendarDay(click.at).number).appendKeyBytes(to: &bytes)
        profile.appendKeyBytes(to: &bytes)
        var counts = CounterSet()
        counts.add(.clicks)
        counts.add(.clicksByHour, bucket: Contribution.hour(of: click.at))
        return CounterIncrement(.rollups, StoreKey(bytes: bytes), counts)
    }

    /// The pending cells of one tenant.
    func cells(of tenant: TenantID) -> Keyspace { space.narrowed(to: tenant.number) }

    /// A pending cell's key without its instant: the tenant, program, affiliate, day and profile, which decide every
    /// rollup cell its clicks count in. A fold sums the cells that share one before fanning them out, so a busy
    /// affiliate's clicks of a day cost the fan-out once. Only the instant's place is checked here; `Cell` reads and
    /// checks the rest.
    func sharedCells(of key: StoreKey) -> StoreKey? {
        let suffix = key.suffix(after: space.prefix)
        let instant = suffix.startIndex + 4
        guard suffix.count >= 4 + Self.instantBytes else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(suffix.count - Self.instantBytes)
        bytes.append(contentsOf: suffix[..<instant])
        bytes.append(contentsOf: suffix[(instant + Self.instantBytes)...])
        return StoreKey(bytes: bytes)
    }

    /// What a pending cell's key says, read from its `sharedCells`.
    struct Cell {
        let tenant: TenantID
        let program: ProgramID
        let affiliate: AffiliateID
        let day: CalendarDay
        let profile: ClickProfile

        init?(_ shared: StoreKey) {
            let bytes = shared.bytes[...]
            let start = bytes.startIndex + 4
            guard bytes.count > 44, let tenant = TenantID(leadingBytes: bytes), let program = ProgramID(bytes: bytes[start..<start + 16]),
                let affiliate = AffiliateID(bytes: bytes[start + 16..<start + 32]), let profile = ClickProfile(keyBytes: bytes[(start + 36)...])
            else { return nil }
            self.tenant = tenant
            self.program = program
            self.affiliate = affiliate
            day = CalendarDay(number: bytes[start + 32..<start + 36].reduce(0) { $0 << 8 | Int($1) })
            self.profile = profile
        }
    }
}
