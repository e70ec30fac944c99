public import Kernel

/// What other contexts may know of a program.
public struct ProgramSummary: Sendable, Equatable {
    public let id: ProgramID
    public let name: String
    public let slug: String
    public let isActive: Bool
    public let isArchived: Bool
    public let autoApprove: Bool

    public init(id: ProgramID, name: String, slug: String, isActive: Bool, isArchived: Bool, autoApprove: Bool) {
        self.id = id
        self.name = name
        self.slug = slug
        self.isActive = isActive
        self.isArchived = isArchived
        self.autoApprove = autoApprove
    }
}

/// Looks up a tenant's programs; implemented by Programs.
public protocol ProgramDirectory: Sendable {
    func programSummary(_ tenant: TenantID, _ id: ProgramID) throws -> ProgramSummary?
}
