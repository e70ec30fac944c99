import Contracts
import Foundation
import Kernel

/// What one click, or one conversion row in its current state, adds to the rollups, before it is fanned out to the
/// cells of every scope and period (`RollupBatch`).
struct Contribution {
    /// Counted in every series cell: tenant, program and affiliate, day, month and standing block.
    var totals = CounterSet()
    /// Counted only in day cells: splits that need the day, like the hour of the day-of-week grid.
    var daily = CounterSet()
    /// Text dimensions of the tenant- and program-wide cells.
    var dimensions: [(Dimension, String, CounterSet)] = []
    /// The affiliate's profile cell of the day.
    var profile: ClickProfile?
    /// What the affiliate's own cells count, the profile and each dimension value: commission too.
    var profileCounts = CounterSet()

    var isEmpty: Bool { totals.isEmpty && daily.isEmpty && dimensions.isEmpty && profileCounts.isEmpty }

    static let direct = "(direct)"
    static let unknown = "(unknown)"
    /// The device bucket of a sale without a click.
    static let unknownDevice = DeviceClass.allCases.count

    init() {}

    /// Clicks that share a profile (`ClickGroups`): `counts` holds the clicks and their hours of the day.
    init(clicks profile: ClickProfile, _ counts: CounterSet) {
        let clicks = counts.count(.clicks)
        totals.add(.clicks, clicks)
        totals.add(.clicksByDevice, bucket: profile.device.map(Self.bucket) ?? Self.unknownDevice, clicks)
        for entry in counts.entries where entry.slot >> 16 == UInt32(Metric.clicksByHour.rawValue) { daily.add(entry.slot, entry.value) }
        var perValue = CounterSet()
        perValue.add(.clicks, clicks)
        dimensions = Self.dimensions(
            referrer: profile.referrerHost ?? Self.direct, country: profile.country ?? Self.unknown, utm: profile.utm, perValue)
        self.profile = profile
        profileCounts = perValue
    }

    init(_ row: ConversionMemo) {
        guard row.status != .denied else { return }
        if row.status == .refunded {
            if row.kind == .sale { totals.add(.refunded) }
            return
        }
        // A sale counts in some fifteen totals: one allocation rather than five.
        totals.reserveCapacity(16)
        totals.add(.commission, row.commission)
        if row.status == .approved { totals.add(.payableCommission, row.commission) }
        if row.status == .paid { totals.add(.paidCommission, row.commission) }
        switch row.kind {
        case .lead: totals.add(.leads)
        case .reward: break
        case .sale: addSale(row)
        }
    }

    private mutating func addSale(_ row: ConversionMemo) {
        totals.add(.conversions)
        totals.add(.revenue, row.amount)
        if row.status == .approved || row.status == .paid { totals.add(.approved) }
        if row.status == .paid { totals.add(.paid) }
        if row.recurring { totals.add(.recurring) }
        if row.subscription { totals.add(.subscriptionRevenue, row.amount) }
        totals.add(.conversionsByDevice, bucket: row.click.map { Self.bucket($0.device) } ?? Self.unknownDevice)
        if row.click != nil { totals.add(.attributed) }
        if let delay = row.delayBucket { totals.add(.conversionsByDelay, bucket: delay) }
        let attribution = row.attribution
        totals.add(.conversionsByAttribution, bucket: attribution.rawValue)
        totals.add(attribution.revenueMetric, row.amount)
        totals.add(attribution.commissionMetric, row.commission)
        if let returning = row.returningCustomer {
            totals.add(returning ? .returningCustomers : .newCustomers)
            totals.add(returning ? .revenueReturningCustomers : .revenueNewCustomers, row.amount)
        }
        daily.add(.conversionsByHour, bucket: Self.hour(of: row.at))

        var counts = CounterSet()
        counts.add(.conversions)
        counts.add(.revenue, row.amount)
        if let click = row.click {
            dimensions = Self.dimensions(referrer: click.referrerHost ?? Self.direct, country: click.country ?? Self.unknown, utm: click.utm, counts)
            profile = ClickProfile(click)
        } else {
            // Coverage-aware: a sale without a click has no referrer or campaign, and its country is unknown.
            dimensions = [(.country, Self.unknown, counts)]
            profile = .unknown
        }
        counts.add(.commission, row.commission)
        profileCounts = counts
    }

    private static func dimensions(referrer: String, country: String, utm: UTMParameters, _ counts: CounterSet) -> [(Dimension, String, CounterSet)] {
        var dimensions: [(Dimension, String, CounterSet)] = [(.referrer, referrer, counts), (.country, country, counts)]
        if let source = utm.source { dimensions.append((.utmSource, source, counts)) }
        if let medium = utm.medium { dimensions.append((.utmMedium, medium, counts)) }
        if let campaign = utm.campaign { dimensions.append((.utmCampaign, campaign, counts)) }
        return dimensions
    }

    static func bucket(_ device: DeviceClass) -> Int { ClickProfile.devices.firstIndex(of: device) ?? unknownDevice }

    static func hour(of date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)).quotientAndRemainder(dividingBy: 86_400).remainder / 3600 }

    /// Adds a contribution to the same cells: of the same program, affiliate, day and profile, so that the sum is
    /// fanned out once for both.
    mutating func add(_ other: Contribution) {
        totals.add(other.totals)
        daily.add(other.daily)
        profileCounts.add(other.profileCounts)
        profile = profile ?? other.profile
        for (dimension, value, counts) in other.dimensions {
            if let index = dimensions.firstIndex(where: { $0.0 == dimension && $0.1 == value }) {
                dimensions[index].2.add(counts)
            } else {
                dimensions.append((dimension, value, counts))
            }
        }
    }

    /// Everything this contribution adds, negated: what taking it back adds.
    static prefix func - (contribution: Contribution) -> Contribution {
        var negated = contribution
        negated.totals = -contribution.totals
        negated.daily = -contribution.daily
        negated.dimensions = contribution.dimensions.map { ($0.0, $0.1, -$0.2) }
        negated.profileCounts = -contribution.profileCounts
        return negated
    }
}
