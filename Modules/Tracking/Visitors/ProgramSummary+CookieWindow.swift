import Contracts
import Foundation

extension ProgramSummary {
    /// Whether a visit or lead at `start` still attributes a sale at `end`. One more than a few minutes after the
    /// sale cannot have led to it; the leeway allows for a payment provider's clock running behind ours.
    func isWithinCookieWindow(from start: Date, to end: Date) -> Bool {
        let elapsed = end.timeIntervalSince(start)
        return elapsed > -Self.clockLeeway && elapsed < Double(cookieWindowDays) * 86_400
    }

    static let clockLeeway: TimeInterval = 300
}
