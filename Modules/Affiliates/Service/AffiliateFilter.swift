public import Contracts
public import Kernel

/// The filters of `GET /api/v1/affiliates`: program, status and a case-insensitive search over email and full name.
public struct AffiliateFilter: Sendable {
    public var programID: ProgramID?
    public var status: AffiliateStatus?
    public var query: String?

    public init(programID: ProgramID? = nil, status: AffiliateStatus? = nil, query: String? = nil) {
        self.programID = programID
        self.status = status
        self.query = query?.lowercased()
    }

    /// From query parameters; malformed values are 400s naming the parameter.
    public init(programId: String?, status: String?, q: String?) throws(DomainError) {
        let program = try programId.map { (raw) throws(DomainError) -> ProgramID in
            guard let id = ProgramID(raw) else { throw DomainError.validation("programId", "programId must be a program id") }
            return id
        }
        let parsedStatus = try status.map { (raw) throws(DomainError) -> AffiliateStatus in
            guard let value = AffiliateStatus(rawValue: raw) else {
                throw DomainError.validation("status", "status must be one of \(AffiliateStatus.allCases.map(\.rawValue).joined(separator: " | "))")
            }
            return value
        }
        self.init(programID: program, status: parsedStatus, query: q.flatMap { $0.isEmpty ? nil : $0 })
    }

    func matches(_ affiliate: Affiliate) -> Bool {
        guard affiliate.deletedAt == nil else { return false }
        if let programID, affiliate.programID != programID { return false }
        if let status, affiliate.status != status { return false }
        if let query {
            return affiliate.email.contains(query) || (affiliate.fullName?.lowercased().contains(query) ?? false)
        }
        return true
    }
}
