import Foundation

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed, so two runs seed the same data.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator of its own for each numbered thing (a day, an event), whatever task happens to handle it.
    init(_ stream: UInt64, _ index: Int) { state = stream &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Picks indices in proportion to fixed weights (a cumulative table and a binary search).
struct WeightedChoice: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map { weight in
            sum += weight
            return sum
        }
    }

    /// Weights `1 / rank^exponent` for ranks 1…count: a few items take much of the traffic, a long tail the rest.
    static func zipf(_ count: Int, exponent: Double) -> WeightedChoice {
        WeightedChoice((1...count).map { 1 / pow(Double($0), exponent) })
    }

    /// The chance that `pick` answers `index`.
    func share(of index: Int) -> Double { (cumulative[index] - (index > 0 ? cumulative[index - 1] : 0)) / cumulative[cumulative.count - 1] }

    func pick(using random: inout SeededRandom) -> Int {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
