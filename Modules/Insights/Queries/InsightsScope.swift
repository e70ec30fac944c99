public import Contracts
public import Kernel

/// Whose activity a query counts: the `programId` and `affiliateId` filters, resolved.
public enum InsightsScope: Sendable, Equatable {
    case tenant
    case program(ProgramID)
    case affiliate(AffiliateID, program: ProgramID)
    /// Filters no activity can match (an unknown affiliate, or one outside the given program).
    case nothing

    /// An affiliate is looked up for its program, a deleted one too (its activity still counts in the totals);
    /// unknown ids match nothing rather than revealing whether they exist elsewhere.
    public static func resolve(
        tenant: TenantID, programID: ProgramID?, affiliateID: AffiliateID?, affiliates: any AffiliateDirectory
    ) throws -> InsightsScope {
        guard let affiliateID else { return programID.map(InsightsScope.program) ?? .tenant }
        guard let program = try affiliates.program(ofAffiliate: affiliateID, tenant), programID.map({ $0 == program }) ?? true else {
            return .nothing
        }
        return .affiliate(affiliateID, program: program)
    }

    var wide: WideScope? {
        switch self {
        case .tenant: .tenant
        case .program(let id): .program(id)
        case .affiliate, .nothing: nil
        }
    }
}
