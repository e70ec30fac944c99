public import Contracts
public import Foundation
public import Kernel

public enum TaxFormTag {}
public typealias TaxFormID = TypedID<TaxFormTag>

/// The forms an affiliate may file: a W-9 (US persons) or a W-8BEN (foreign individuals).
public enum TaxFormType: String, Sendable, Codable, CaseIterable {
    case w9 = "W9", w8ben = "W8BEN"
}

/// An affiliate's latest tax form. The PDF itself is a blob under the data directory.
public struct TaxForm: Sendable, Codable {
    public let id: TaxFormID
    public let affiliateID: AffiliateID
    public let type: TaxFormType
    public let byteCount: Int
    public let submittedAt: Date

    public var json: JSONValue {
        .object([
            ("id", .string(id.description)), ("affiliateId", .string(affiliateID.description)), ("type", .string(type.rawValue)),
            ("byteCount", .int(byteCount)), ("submittedAt", .timestamp(submittedAt)),
        ])
    }
}

/// Where a form's PDF lives in the blob store.
func taxFormBlobKey(_ tenant: TenantID, _ affiliateID: AffiliateID, _ formID: TaxFormID) -> [String] {
    ["tax-forms", "\(tenant.number)", affiliateID.description, "\(formID).pdf"]
}

/// A one-time download link handed out for a tax form.
struct TaxFormLink: Sendable, Codable {
    let tenant: TenantID
    let formID: TaxFormID
    let affiliateID: AffiliateID
    let expiresAt: Date
    var usedAt: Date?
}
