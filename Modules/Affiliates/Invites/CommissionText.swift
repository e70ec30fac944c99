import Contracts
import Kernel

/// A commission as an invite's `{{program.commission}}` reads: `30%` or `25.00 USD`.
enum CommissionText {
    static func describe(_ type: CommissionType, _ hundredths: Int64, currency: Currency) -> String {
        let whole = hundredths / 100
        let cents = hundredths % 100
        switch type {
        case .percentage: return cents == 0 ? "\(whole)%" : "\(whole).\(cents < 10 ? "0" : "")\(cents)%"
        case .fixed: return "\(whole).\(cents < 10 ? "0" : "")\(cents) \(currency.rawValue)"
        }
    }
}
