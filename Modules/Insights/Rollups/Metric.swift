import Kernel

/// What a rollup cell counts, as slots of a `CounterSet`: the metric in the high 16 bits, and in the low 16 bits
/// the currency of a money metric, or the bucket of a split (hour of day, device, attribution…).
enum Metric: UInt16, CaseIterable {
    case clicks = 1
    /// Free identified signups: `LeadReward` rows.
    case leads
    /// Sales (`OneTime` and `Recurring` rows, not overrides) that are neither Refunded nor Denied.
    case conversions
    case approved
    case paid
    case refunded
    case recurring
    /// Counted sales with an originating click: the coverage of click dimensions.
    case attributed
    /// Sale amounts of counted sales, per currency.
    case revenue
    /// Commission of every counted row (sales, overrides, rewards), per currency.
    case commission
    /// Commission of Approved rows: payable, not yet paid.
    case payableCommission
    case paidCommission
    /// Sale amounts of counted sales that belong to a subscription, per currency.
    case subscriptionRevenue
    case churnedSubscriptions
    /// Splits, with the bucket in the low bits.
    case clicksByHour, conversionsByHour
    case clicksByDevice, conversionsByDevice
    case conversionsByDelay
    case conversionsByAttribution, revenueCouponAttributed, revenueLinkAttributed, revenueOtherAttributed
    case commissionCouponAttributed, commissionLinkAttributed, commissionOtherAttributed
    case newCustomers, returningCustomers, revenueNewCustomers, revenueReturningCustomers

    var slot: UInt32 { UInt32(rawValue) << 16 }

    func slot(_ bucket: Int) -> UInt32 { slot | UInt32(bucket) }

    func slot(_ currency: Currency) -> UInt32 { slot | UInt32(Self.currencyNumber(currency)) }

    /// A currency's three letters in 15 bits, plus one so that 0 means "no currency".
    static func currencyNumber(_ currency: Currency) -> UInt16 {
        currency.rawValue.utf8.reduce(0) { $0 * 26 + UInt16($1 &- 65) % 26 } + 1
    }

    static func currency(ofSlot slot: UInt32) -> Currency? {
        var number = Int(slot & 0xFFFF) - 1
        guard number >= 0 else { return nil }
        var letters = [UInt8](repeating: 0, count: 3)
        for index in (0..<3).reversed() {
            letters[index] = UInt8(65 + number % 26)
            number /= 26
        }
        return Currency(rawValue: String(decoding: letters, as: UTF8.self))
    }
}

extension CounterSet {
    func count(_ metric: Metric) -> Int64 { self[metric.slot] }

    func count(_ metric: Metric, bucket: Int) -> Int64 { self[metric.slot(bucket)] }

    /// Every currency's amount of a money metric.
    func amounts(_ metric: Metric) -> [Money] {
        entries.compactMap { entry in
            guard entry.slot >> 16 == UInt32(metric.rawValue), let currency = Metric.currency(ofSlot: entry.slot) else { return nil }
            return Money(minorUnits: entry.value, currency: currency)
        }
    }

    mutating func add(_ metric: Metric, _ value: Int64 = 1) { add(metric.slot, value) }

    mutating func add(_ metric: Metric, bucket: Int, _ value: Int64 = 1) { add(metric.slot(bucket), value) }

    mutating func add(_ metric: Metric, _ money: Money) { add(metric.slot(money.currency), money.minorUnits) }
}
