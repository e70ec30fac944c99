public import Kernel

/// What other contexts may know of a program.
public struct ProgramSummary: Sendable, Equatable {
    public let tenant: TenantID
    public let id: ProgramID
    public let name: String
    public let slug: String
    public let description: String?
    public let termsUrl: String?
    public let isActive: Bool
    public let isArchived: Bool
    public let autoApprove: Bool
    /// The most affiliates the roster takes; `nil` is no cap.
    public let maxAffiliates: Int?
    public let commission: CommissionRule
    public let commissionModel: CommissionModel
    public let attributionModel: AttributionModel
    public let cookieWindowDays: Int
    /// The brand's site: tracking requests must come from it or a subdomain of it.
    public let websiteDomain: String?
    /// How many renewals of a subscription earn: `nil` every one, `0` none, `N` the first N.
    public let recurringMonths: Int?
    /// Renewals that earn nothing before renewal commissions start.
    public let recurringDelayInvoices: Int
    /// Percent × 100 of a recruit's commission their recruiter earns; `nil` when sub-affiliate recruiting is off.
    public let subAffiliatePercentHundredths: Int64?

    public init(
        tenant: TenantID, id: ProgramID, name: String, slug: String, description: String?, termsUrl: String?, isActive: Bool,
        isArchived: Bool, autoApprove: Bool, maxAffiliates: Int?, commission: CommissionRule, commissionModel: CommissionModel,
        attributionModel: AttributionModel, cookieWindowDays: Int, websiteDomain: String?, recurringMonths: Int? = nil,
        recurringDelayInvoices: Int = 0, subAffiliatePercentHundredths: Int64? = nil
    ) {
        self.tenant = tenant
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
        self.termsUrl = termsUrl
        self.isActive = isActive
        self.isArchived = isArchived
        self.autoApprove = autoApprove
        self.maxAffiliates = maxAffiliates
        self.commission = commission
        self.commissionModel = commissionModel
        self.attributionModel = attributionModel
        self.cookieWindowDays = cookieWindowDays
        self.websiteDomain = websiteDomain
        self.recurringMonths = recurringMonths
        self.recurringDelayInvoices = recurringDelayInvoices
        self.subAffiliatePercentHundredths = subAffiliatePercentHundredths
    }

    /// Live and taking affiliates: active and not archived.
    public var isOpen: Bool { isActive && !isArchived }
}

/// Looks up programs; implemented by Programs.
public protocol ProgramDirectory: Sendable {
    /// A tenant's program by id; `nil` for another tenant's.
    func programSummary(_ tenant: TenantID, _ id: ProgramID) throws -> ProgramSummary?
    /// A program by id alone, for public routes keyed on the program id.
    func programSummary(_ id: ProgramID) throws -> ProgramSummary?
    /// The same, inside a read the caller holds, so a request's lookups share one transaction.
    func programSummary(_ id: ProgramID, in store: borrowing some StoreReader & ~Copyable) throws -> ProgramSummary?
    /// A tenant's live program by slug.
    func programSummary(_ tenant: TenantID, slug: String) throws -> ProgramSummary?
    /// The program served at the tenant's bare storefront: the one with slug `default`, else the oldest open one.
    func primaryProgram(_ tenant: TenantID) throws -> ProgramSummary?
    /// The tenant's most recently created open program: the one the install snippet names by default.
    func newestOpenProgram(_ tenant: TenantID) throws -> ProgramSummary?
    /// The program whose custom domain is `host`, when the domain is verified.
    func programSummary(verifiedDomain host: String) throws -> ProgramSummary?
}
