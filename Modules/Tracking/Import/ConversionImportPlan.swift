import Contracts
import Foundation
import Kernel

/// What an import would do with each row, decided the same way for the preview and the import, so the preview's
/// numbers are what the import then writes.
struct ConversionImportPlan {
    enum Decision {
        case write(ConversionImportRow, affiliate: AffiliateID, dedupeKey: String)
        case skip(reason: String)
        case error(reason: String)
    }

    let decisions: [Decision]

    /// Per currency: commission and row count of paid and of unpaid rows to write.
    var paidBalance: [Currency: (cents: Int64, count: Int)] { balance(paid: true) }
    var unpaidBalance: [Currency: (cents: Int64, count: Int)] { balance(paid: false) }

    var reasons: [String: Int] {
        decisions.reduce(into: [:]) { tally, decision in
            switch decision {
            case .write: break
            case .skip(let reason), .error(let reason): tally[reason, default: 0] += 1
            }
        }
    }

    func count(_ kind: (Decision) -> Bool) -> Int { decisions.filter(kind).count }

    private func balance(paid: Bool) -> [Currency: (cents: Int64, count: Int)] {
        decisions.reduce(into: [:]) { balance, decision in
            guard case .write(let row, _, _) = decision, row.paid == paid else { return }
            let current = balance[row.commission.currency] ?? (0, 0)
            balance[row.commission.currency] = (current.cents + row.commission.minorUnits, current.count + 1)
        }
    }
}

extension ConversionImportPlan.Decision {
    var isWrite: Bool { if case .write = self { true } else { false } }
    var isSkip: Bool { if case .skip = self { true } else { false } }
    var isError: Bool { if case .error = self { true } else { false } }
}
