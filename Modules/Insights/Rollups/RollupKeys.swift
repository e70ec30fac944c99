import Contracts
import Foundation
import Kernel

/// Where one tenant's rollups live in the `rollups` table. `namespace` is `rollup` for the live cells; a rebuild
/// projects the raw records into a namespace of its own and compares the two.
///
/// A fold builds thousands of keys, so each is built with one allocation, from prefixes made once per tenant.
struct RollupKeys: Sendable {
    private let series: Keyspace
    private let dimensions: Keyspace
    private let standings: Keyspace
    private let profiles: Keyspace
    /// Each conversion row's memo (`MemoCoding`), not counters.
    let memos: Keyspace
    /// Each customer's first purchase (`FirstPurchase`), not counters.
    let customers: Keyspace
    private let affiliateDimensions: Keyspace

    init(_ tenant: TenantID, namespace: String = RollupKeys.live) {
        // The live names are joined once, not for every event.
        let names = namespace == Self.live ? Self.liveCollections : Self.collections(namespace)
        series = .tenant(tenant, names[0])
        dimensions = .tenant(tenant, names[1])
        standings = .tenant(tenant, names[2])
        profiles = .tenant(tenant, names[3])
        memos = .tenant(tenant, names[4])
        customers = .tenant(tenant, names[5])
        affiliateDimensions = .tenant(tenant, names[6])
    }

    static let live = "rollup"
    private static let liveCollections = collections(live)

    private static func collections(_ namespace: String) -> [String] {
        ["series", "dimension", "standing", "profile", "conversion", "customer", "affiliate-dimension"].map { namespace + "-" + $0 }
    }

    /// Tenant- or program-wide totals of one period.
    func series(_ scope: WideScope, _ period: Period) -> StoreKey {
        series.key(reserving: 22) { bytes in
            scope.tag.appendKeyBytes(to: &bytes)
            scope.id.appendKeyBytes(to: &bytes)
            period.granularity.rawValue.appendKeyBytes(to: &bytes)
            UInt32(period.number).appendKeyBytes(to: &bytes)
        }
    }

    /// Tenant- or program-wide counts of one dimension's values in one period, the value last so that one period's
    /// values are one prefix scan.
    func dimension(_ scope: WideScope, _ dimension: Dimension, _ period: Period, value: String) -> StoreKey {
        dimensions.key(reserving: 24 + value.utf8.count) { bytes in
            Self.appendDimension(scope, dimension, period, to: &bytes)
            value.appendKeyBytes(to: &bytes)
        }
    }

    func dimensionValues(_ scope: WideScope, _ dimension: Dimension, _ period: Period) -> Keyspace {
        var bytes = dimensions.prefix.bytes
        Self.appendDimension(scope, dimension, period, to: &bytes)
        return dimensions.narrowed(to: RawKeyBytes(bytes: bytes[dimensions.prefix.bytes.count...]))
    }

    /// An affiliate's counts of one dimension's values in one period: the affiliate's breakdowns read a handful of
    /// months and days of these instead of every day's profiles.
    func affiliateDimension(_ affiliate: AffiliateID, _ dimension: Dimension, _ period: Period, value: String) -> StoreKey {
        affiliateDimensions.key(reserving: 23 + value.utf8.count) { bytes in
            Self.appendAffiliateDimension(affiliate, dimension, period, to: &bytes)
            value.appendKeyBytes(to: &bytes)
        }
    }

    func affiliateDimensionValues(_ affiliate: AffiliateID, _ dimension: Dimension, _ period: Period) -> Keyspace {
        var bytes: [UInt8] = []
        Self.appendAffiliateDimension(affiliate, dimension, period, to: &bytes)
        return affiliateDimensions.narrowed(to: RawKeyBytes(bytes: bytes[...]))
    }

    /// An affiliate's totals over a block of days (see `StandingLevel`): block first, so one block of a program's
    /// affiliates is one prefix scan for the leaderboard.
    func standing(shift: Int, block: Int, program: ProgramID, affiliate: AffiliateID) -> StoreKey {
        standings.key(reserving: 37) { bytes in
            UInt8(shift).appendKeyBytes(to: &bytes)
            UInt32(block).appendKeyBytes(to: &bytes)
            program.appendKeyBytes(to: &bytes)
            affiliate.appendKeyBytes(to: &bytes)
        }
    }

    func standings(shift: Int, block: Int) -> Keyspace {
        standings.narrowed(to: UInt8(shift), UInt32(block))
    }

    /// An affiliate's activity of one day, one cell per combination of click dimensions (`ClickProfile`).
    func profile(_ affiliate: AffiliateID, _ day: CalendarDay, _ profile: some KeyComponent) -> StoreKey {
        // Room for a profile with a link and four texts: growing the key on the way cost a copy of it.
        profiles.key(reserving: 160) { bytes in
            affiliate.appendKeyBytes(to: &bytes)
            UInt32(day.number).appendKeyBytes(to: &bytes)
            profile.appendKeyBytes(to: &bytes)
        }
    }

    func profiles(_ affiliate: AffiliateID, _ day: CalendarDay) -> Keyspace {
        profiles.narrowed(to: affiliate, UInt32(day.number))
    }

    /// What a conversion row currently contributes, so that a review or refund can take it back exactly.
    func memo(_ conversion: ConversionID) -> StoreKey { memos.key(reserving: 16) { conversion.appendKeyBytes(to: &$0) } }

    /// Customers that have bought before: the next sale is a returning customer's.
    func customer(_ id: String) -> StoreKey { customers.key(reserving: id.utf8.count + 1) { id.appendKeyBytes(to: &$0) } }

    /// Every key of the namespace, for comparing a rebuild with the live cells.
    var all: [Keyspace] { [series, dimensions, standings, profiles, memos, customers, affiliateDimensions] }

    private static func appendAffiliateDimension(_ affiliate: AffiliateID, _ dimension: Dimension, _ period: Period, to bytes: inout [UInt8]) {
        affiliate.appendKeyBytes(to: &bytes)
        dimension.rawValue.appendKeyBytes(to: &bytes)
        period.granularity.rawValue.appendKeyBytes(to: &bytes)
        UInt32(period.number).appendKeyBytes(to: &bytes)
    }

    private static func appendDimension(_ scope: WideScope, _ dimension: Dimension, _ period: Period, to bytes: inout [UInt8]) {
        scope.tag.appendKeyBytes(to: &bytes)
        scope.id.appendKeyBytes(to: &bytes)
        dimension.rawValue.appendKeyBytes(to: &bytes)
        period.granularity.rawValue.appendKeyBytes(to: &bytes)
        UInt32(period.number).appendKeyBytes(to: &bytes)
    }
}

/// Bytes already in key form, to narrow a keyspace by or end a key with.
struct RawKeyBytes: KeyComponent {
    let bytes: ArraySlice<UInt8>

    func appendKeyBytes(to bytes: inout [UInt8]) { bytes.append(contentsOf: self.bytes) }
}

/// The tenant as a whole, or one program: the scopes that get day and month cells per dimension.
enum WideScope: Hashable {
    case tenant
    case program(ProgramID)

    var tag: UInt8 {
        switch self {
        case .tenant: 0
        case .program: 1
        }
    }

    /// The program's id, or sixteen zero bytes.
    var id: ProgramID {
        switch self {
        case .tenant: .lowest
        case .program(let id): id
        }
    }
}

/// The text dimensions of tenant- and program-wide cells. Low-cardinality splits (hour, device, delay, attribution,
/// customers) are slots of the series cells instead (`Metric`).
enum Dimension: UInt8, CaseIterable {
    case referrer = 1
    case country
    case utmSource
    case utmMedium
    case utmCampaign
}
