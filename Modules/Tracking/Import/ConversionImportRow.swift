import Contracts
import Foundation
import Kernel

/// One validated row of a conversion import. Validation names the first rule a row breaks with the spec's code
/// (`affiliate_email_or_slug_required`, `amount_out_of_range`, …), so a brand can fix every row before anything is
/// written.
struct ConversionImportRow: Sendable {
    static let maxCents: Int64 = 100_000_000

    let affiliateEmail: String?
    let affiliateSlug: String?
    let customerEmail: String?
    let customerName: String?
    let amount: Money
    let commission: Money
    let occurredAt: Date
    let paid: Bool
    let type: ConversionType
    let stripeCustomerID: String?
    let stripeSubscriptionID: String?
    let externalID: String?

    /// The row, or the code of the first rule it breaks.
    static func validate(_ value: JSONValue) -> Result<ConversionImportRow, RowError> {
        guard let row = try? FieldReader(value) else { return .failure(RowError("row_must_be_an_object")) }
        let email = try? row.string("affiliateEmail", maxLength: 254).value.map { try EmailAddress.normalized($0, field: "affiliateEmail") }
        let slug = (try? row.string("affiliateSlug", maxLength: 128))?.value?.lowercased()
        guard email != nil || slug != nil else { return .failure(RowError("affiliate_email_or_slug_required")) }
        guard let amount = try? FieldReader.required(row.integer("amountCents", in: 0...maxCents), "amountCents") else {
            return .failure(RowError("amount_out_of_range"))
        }
        guard let commission = try? FieldReader.required(row.integer("commissionCents", in: 0...maxCents), "commissionCents") else {
            return .failure(RowError("commission_out_of_range"))
        }
        guard let code = try? row.string("currency", maxLength: 3).value, let currency = Currency(rawValue: code.uppercased()) else {
            return .failure(RowError("unsupported_currency"))
        }
        guard let stamp = try? row.string("occurredAt", maxLength: 64).value, let occurredAt = Timestamp.parse(stamp) else {
            return .failure(RowError("occurred_at_required"))
        }
        let type: ConversionType
        switch try? row.string("type", maxLength: 20) {
        case .absent?, .null?: type = .oneTime
        case .value(let name)? where name == ConversionType.oneTime.rawValue || name == ConversionType.recurring.rawValue:
            type = ConversionType(rawValue: name)!
        default: return .failure(RowError("invalid_type"))
        }
        guard let paid = try? row.bool("paid").value ?? false else { return .failure(RowError("invalid_paid")) }
        let text: (String) -> String? = { key in (try? row.string(key, maxLength: 255))?.value }
        return .success(
            ConversionImportRow(
                affiliateEmail: email, affiliateSlug: slug, customerEmail: text("customerEmail")?.lowercased(),
                customerName: text("customerName"), amount: Money(minorUnits: amount, currency: currency),
                commission: Money(minorUnits: commission, currency: currency), occurredAt: occurredAt, paid: paid, type: type,
                stripeCustomerID: text("stripeCustomerId"), stripeSubscriptionID: text("stripeSubscriptionId"), externalID: text("externalId")))
    }

    /// What makes a re-run recognise the row: its `externalId`, else everything that describes it.
    func dedupeKey(affiliate: AffiliateID) -> String {
        if let externalID { return "id:" + externalID }
        return [
            "row", affiliate.description, String(occurredAt.timeIntervalSince1970), String(amount.minorUnits), String(commission.minorUnits),
            amount.currency.rawValue, type.rawValue, stripeSubscriptionID ?? "", stripeCustomerID ?? "",
        ].joined(separator: "|")
    }
}

/// Why a row cannot be imported: the spec's per-row error code.
struct RowError: Error, Equatable {
    let code: String
    init(_ code: String) { self.code = code }
}
