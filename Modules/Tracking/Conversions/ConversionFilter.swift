public import Contracts
public import Foundation
public import Kernel

/// The filters of the conversions list and export: affiliate, program, status and a `createdAt` window
/// (`since` inclusive, `until` exclusive).
public struct ConversionFilter: Sendable {
    public var affiliateID: AffiliateID?
    public var programID: ProgramID?
    public var status: ConversionStatus?
    public var since: Date?
    public var until: Date?

    public init(affiliateID: AffiliateID? = nil, programID: ProgramID? = nil, status: ConversionStatus? = nil, since: Date? = nil, until: Date? = nil) {
        self.affiliateID = affiliateID
        self.programID = programID
        self.status = status
        self.since = since
        self.until = until
    }

    /// From query parameters; a malformed value is a 400 naming its parameter.
    public init(query: (String) -> String?) throws(DomainError) {
        self.init(
            affiliateID: try .parse(query("affiliateId"), field: "affiliateId"), programID: try .parse(query("programId"), field: "programId"),
            status: try query("status").map { (raw) throws(DomainError) in
                guard let status = ConversionStatus(rawValue: raw) else {
                    throw DomainError.validation("status", "status must be one of \(ConversionStatus.allCases.map(\.rawValue).joined(separator: " | "))")
                }
                return status
            },
            since: try query("since").map { (raw) throws(DomainError) in try Timestamp.queryBound(raw, "since") },
            until: try query("until").map { (raw) throws(DomainError) in try Timestamp.queryBound(raw, "until") })
    }

    func matches(_ conversion: Conversion) -> Bool {
        if let affiliateID, conversion.affiliateID != affiliateID { return false }
        if let programID, conversion.programID != programID { return false }
        if let status, conversion.status != status { return false }
        if let since, conversion.createdAt < since { return false }
        if let until, conversion.createdAt >= until { return false }
        return true
    }
}
