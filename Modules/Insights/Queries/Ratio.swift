/// Rates and shares as the spec renders them: rounded half away from zero to a fixed number of decimals, and 0
/// when there is nothing to divide by.
enum Ratio {
    static func fraction(_ part: Int64, of whole: Int64, decimals: Int = 4) -> Double {
        guard whole != 0 else { return 0 }
        return rounded(Double(part) / Double(whole), decimals: decimals)
    }

    static func percent(_ part: Int64, of whole: Int64, decimals: Int = 4) -> Double {
        guard whole != 0 else { return 0 }
        return rounded(Double(part) * 100 / Double(whole), decimals: decimals)
    }

    /// Whole cents per unit, e.g. average order value.
    static func perUnit(_ cents: Int64, per count: Int64) -> Int64 {
        guard count != 0 else { return 0 }
        return Int64((Double(cents) / Double(count)).rounded())
    }

    static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        return (value * scale).rounded() / scale
    }
}
