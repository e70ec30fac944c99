import Foundation

/// Minor units of one currency in another at a fixed rate, rounded half away from zero. `Decimal` arithmetic costs
/// microseconds an amount, too much for a leaderboard's thousands, so the rate is also kept as an exact fraction
/// of integers and most amounts are converted with one multiplication and one division. That gives `Decimal`'s
/// answer: an exact quotient not halfway between two integers lies at least 1/(2·denominator) from a tie, far more
/// than `Decimal`'s 38 digits can err while the product fits in 64 bits. A product that does not fit, or that is
/// exactly halfway (where `Decimal`'s rounded quotient may land on either side), takes the `Decimal` path.
public struct CurrencyConverter: Sendable {
    private let source: (currency: Currency, rate: Decimal)
    private let target: (currency: Currency, rate: Decimal)
    /// target minor units = source minor units × numerator / denominator, when both fit in 64 bits.
    private let fraction: (numerator: Int64, denominator: Int64)?

    init(identity currency: Currency) {
        source = (currency, 1)
        target = (currency, 1)
        fraction = (1, 1)
    }

    /// The source rate must be positive, as `ExchangeRates.converter` checks.
    init(from source: (Currency, Decimal), to target: (Currency, Decimal)) {
        self.source = source
        self.target = target
        fraction = Self.fraction(from: source, to: target)
    }

    public func convert(_ minorUnits: Int64) -> Int64 {
        if let (numerator, denominator) = fraction {
            let (product, overflow) = minorUnits.multipliedReportingOverflow(by: numerator)
            if !overflow {
                let (quotient, remainder) = product.quotientAndRemainder(dividingBy: denominator)
                let rest = UInt64(denominator) - remainder.magnitude
                if remainder.magnitude < rest { return quotient }
                if remainder.magnitude > rest { return product < 0 ? quotient - 1 : quotient + 1 }
            }
        }
        return decimalConvert(minorUnits)
    }

    private func decimalConvert(_ minorUnits: Int64) -> Int64 {
        var exact = Decimal(minorUnits) / Self.scale(source.currency) / source.rate * target.rate * Self.scale(target.currency)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    private static func scale(_ currency: Currency) -> Decimal { currency.minorUnitDigits == 0 ? 1 : 100 }

    /// to.rate × scale(to) / (from.rate × scale(from)) in lowest terms; `nil` when a rate is not positive or a term
    /// does not fit in 64 bits.
    private static func fraction(from source: (Currency, Decimal), to target: (Currency, Decimal)) -> (Int64, Int64)? {
        guard target.1 > 0, let from = integerAndExponent(source.1), let to = integerAndExponent(target.1) else { return nil }
        // Scales are 1 or 100: exponents of ten like the rates'.
        let exponent = to.exponent - from.exponent + (source.0.minorUnitDigits == 0 ? 0 : -2) + (target.0.minorUnitDigits == 0 ? 0 : 2)
        guard let numerator = to.integer.timesPowerOfTen(max(exponent, 0)), let denominator = from.integer.timesPowerOfTen(max(-exponent, 0)) else {
            return nil
        }
        let divisor = greatestCommonDivisor(numerator, denominator)
        return (numerator / divisor, denominator / divisor)
    }

    /// A positive decimal as integer × 10^exponent, when the integer fits in 64 bits.
    private static func integerAndExponent(_ value: Decimal) -> (integer: Int64, exponent: Int)? {
        let integer = NSDecimalNumber(decimal: value.significand).int64Value
        guard integer > 0, Decimal(integer) == value.significand else { return nil }
        return (integer, value.exponent)
    }

    private static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : greatestCommonDivisor(b, a % b) }
}

extension Int64 {
    fileprivate func timesPowerOfTen(_ exponent: Int) -> Int64? {
        var value = self
        for _ in 0..<exponent {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }
}
