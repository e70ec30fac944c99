public import Contracts
public import Foundation
public import Kernel

/// One row of the conversions ledger: a sale, or a lead (a free identified signup, `LeadReward`). Money-bearing,
/// so it is written through the fsynced group commit before the caller hears back.
public struct Conversion: Sendable, Codable, Equatable {
    public let id: ConversionID
    public let type: ConversionType
    public var status: ConversionStatus
    public let programID: ProgramID
    public let affiliateID: AffiliateID
    /// The sale, in its own currency; zero for a lead.
    public let amount: Money
    public let commission: Money
    /// The rule the commission came from, as it was when the conversion was recorded.
    public let commissionRule: CommissionRule
    public let source: ConversionSource
    public let externalEventID: String?
    public let customerID: String?
    public let customerEmail: String?
    public let customerName: String?
    public let createdAt: Date
}

/// How a conversion reached the ledger.
public enum ConversionSource: String, Sendable, Codable {
    /// `POST /api/tracking/s2s`.
    case serverToServer = "s2s"
    /// `POST /api/tracking/lead`.
    case leadAPI = "lead_api"
    /// `POST /api/v1/r/lead/signup`, from the loader's `Rekomi.convert`.
    case browser
}
