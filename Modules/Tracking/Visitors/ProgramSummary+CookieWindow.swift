import Contracts
import Foundation

extension ProgramSummary {
    /// Whether a visit or lead at `start` still attributes a sale at `end`.
    func isWithinCookieWindow(from start: Date, to end: Date) -> Bool {
        end.timeIntervalSince(start) < Double(cookieWindowDays) * 86_400
    }
}
