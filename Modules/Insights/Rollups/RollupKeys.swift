import Contracts
import Foundation
import Kernel

/// Where one tenant's rollups live in the `rollups` table. `namespace` is `rollup` for the live cells; a rebuild
/// projects the raw records into a namespace of its own and compares the two.
struct RollupKeys {
    let tenant: TenantID
    let namespace: String

    init(_ tenant: TenantID, namespace: String = RollupKeys.live) {
        self.tenant = tenant
        self.namespace = namespace
    }

    static let live = "rollup"

    /// Tenant- or program-wide totals of one period.
    func series(_ scope: WideScope, _ period: Period) -> StoreKey {
        space("series").key(scope.tag, scope.id, period.granularity.rawValue, UInt32(period.number))
    }

    /// Tenant- or program-wide counts of one dimension's values in one period, the value last so that one period's
    /// values are one prefix scan.
    func dimension(_ scope: WideScope, _ dimension: Dimension, _ period: Period, value: String) -> StoreKey {
        dimensionValues(scope, dimension, period).key(value)
    }

    func dimensionValues(_ scope: WideScope, _ dimension: Dimension, _ period: Period) -> Keyspace {
        space("dimension").narrowed(to: scope.tag, scope.id, dimension.rawValue, period.granularity.rawValue, UInt32(period.number))
    }

    /// An affiliate's totals over a block of days (see `StandingLevel`): block first, so one block of a program's
    /// affiliates is one prefix scan for the leaderboard.
    func standing(shift: Int, block: Int, program: ProgramID, affiliate: AffiliateID) -> StoreKey {
        standings(shift: shift, block: block).key(program, affiliate)
    }

    func standings(shift: Int, block: Int) -> Keyspace {
        space("standing").narrowed(to: UInt8(shift), UInt32(block))
    }

    /// An affiliate's activity of one day, one cell per combination of click dimensions (`ClickProfile`).
    func profile(_ affiliate: AffiliateID, _ day: CalendarDay, _ profile: ClickProfile) -> StoreKey {
        profiles(affiliate, day).key(profile)
    }

    func profiles(_ affiliate: AffiliateID, _ day: CalendarDay) -> Keyspace {
        space("profile").narrowed(to: affiliate, UInt32(day.number))
    }

    /// What a conversion row currently contributes, so that a review or refund can take it back exactly.
    func memo(_ conversion: ConversionID) -> StoreKey { space("conversion").key(conversion) }

    /// Customers that have bought before: the next sale is a returning customer's.
    func customer(_ id: String) -> StoreKey { space("customer").key(id) }

    /// Every key of the namespace, for comparing a rebuild with the live cells.
    var all: [Keyspace] { ["series", "dimension", "standing", "profile", "conversion", "customer"].map(space) }

    private func space(_ collection: String) -> Keyspace { .tenant(tenant, "\(namespace)-\(collection)") }
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
        case .tenant: ProgramID(uuid: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
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
