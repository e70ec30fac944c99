public import Contracts
public import Foundation
public import Kernel

/// One entry of a conversion's timeline (the spec's `events`): the sale, each renewal, each refund and clawback, each
/// change of status. A subscription's rows share one timeline, so its first sale shows every renewal.
public struct ConversionEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case initial, renewal, refund, clawback, approved, denied, paid, canceled
        /// A renewal that earned nothing: past the program's recurring limit, or inside its delay.
        case renewalNotCommissioned = "renewal_not_commissioned"
    }

    public let id: ConversionEventID
    public let conversionID: ConversionID
    public let kind: Kind
    /// The sale amount the event concerns (a refund's amount for `refund`).
    public let amount: Money
    /// The commission the event added (negative when taken back).
    public let commission: Money
    public let occurredAt: Date

    public init(id: ConversionEventID, conversionID: ConversionID, kind: Kind, amount: Money, commission: Money, occurredAt: Date) {
        self.id = id
        self.conversionID = conversionID
        self.kind = kind
        self.amount = amount
        self.commission = commission
        self.occurredAt = occurredAt
    }

    public var json: JSONValue {
        .object([
            ("id", .string(id.description)),
            ("conversionId", .string(conversionID.description)),
            ("eventType", .string(kind.rawValue)),
            ("amountCents", .int(amount.minorUnits)),
            ("commissionCents", .int(commission.minorUnits)),
            ("occurredAt", .timestamp(occurredAt)),
        ])
    }
}

public enum ConversionEventTag {}
public typealias ConversionEventID = TypedID<ConversionEventTag>
