import Contracts
import Kernel

/// Clicks summed by what decides their rollup cells: program, affiliate, day and profile (`ClickProfile`). A busy
/// affiliate's clicks share a profile, so a fold works out its cells once for all of them.
struct ClickGroups {
    private var groups: [StoreKey: CounterSet] = [:]

    mutating func add(_ click: ClickRecorded) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(120)
        click.programID.appendKeyBytes(to: &bytes)
        click.affiliateID.appendKeyBytes(to: &bytes)
        UInt32(CalendarDay(click.at).number).appendKeyBytes(to: &bytes)
        ClickProfile(country: click.country, device: click.device, link: click.linkID, referrerHost: click.referrerHost, utm: click.utm)
            .appendKeyBytes(to: &bytes)
        // Counted in place: a set built for each click cost an allocation and a merge.
        groups[StoreKey(bytes: bytes), default: CounterSet()].addClick(at: Contribution.hour(of: click.at))
    }

    /// How many groups there are: what a fold's cells grow with.
    var count: Int { groups.count }

    /// The groups' contributions, read back from their keys: the profile as its key stores it (a country that is not
    /// two letters is unknown, texts are bounded), as every cell keyed by it.
    func batch() throws -> RollupBatch {
        var batch = RollupBatch()
        for (key, counts) in groups {
            let bytes = key.bytes[...]
            let start = bytes.startIndex
            guard bytes.count > 36, let program = ProgramID(bytes: bytes[start..<start + 16]),
                let affiliate = AffiliateID(bytes: bytes[start + 16..<start + 32]), let profile = ClickProfile(keyBytes: bytes[(start + 36)...])
            else { throw StoreError(.corrupted, message: "unreadable click group \(key)") }
            let day = CalendarDay(number: bytes[start + 32..<start + 36].reduce(0) { $0 << 8 | Int($1) })
            batch.add(Contribution(clicks: profile, counts), day: day, program: program, affiliate: affiliate)
        }
        return batch
    }
}

extension CounterSet {
    /// One click at an hour of the day.
    fileprivate mutating func addClick(at hour: Int) {
        add(.clicks)
        add(.clicksByHour, bucket: hour)
    }
}
