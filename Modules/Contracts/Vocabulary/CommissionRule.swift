public import Kernel

/// A commission as a brand sets it: a percentage of the sale or a fixed amount, exact in hundredths.
public struct CommissionRule: Sendable, Equatable, Codable {
    public let type: CommissionType
    /// Percent × 100 for `Percentage`, minor units for `Fixed`.
    public let hundredths: Int64

    public init(type: CommissionType, hundredths: Int64) {
        self.type = type
        self.hundredths = hundredths
    }

    /// The commission on a sale of `amount`. A percentage is of the sale, in its currency, rounded half up to the
    /// minor unit; a fixed commission is paid in the brand's home currency whatever the sale's.
    public func commission(on amount: Money, homeCurrency: Currency) -> Money {
        switch type {
        case .percentage:
            let (product, overflow) = amount.minorUnits.multipliedReportingOverflow(by: hundredths)
            let exact = overflow ? Int64.max : product
            return Money(minorUnits: exact / 10_000 + (exact % 10_000 >= 5_000 ? 1 : 0), currency: amount.currency)
        case .fixed:
            return Money(minorUnits: hundredths, currency: homeCurrency)
        }
    }
}
