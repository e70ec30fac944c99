import Kernel

/// A requested slug a bulk invite could not keep: `taken`, `reserved`, `invalid` or `duplicate_within_batch`.
public struct SlugConflict: Sendable, Equatable {
    public let email: String
    public let requestedSlug: String
    public let reason: String
}

public struct BulkInviteResult: Sendable {
    public var skipped = 0
    public var invites: [Invite] = []
    public var slugConflicts: [SlugConflict] = []
    public var created: Int { invites.count }
}

/// The affiliate an accepted invite created, and whether its requested slug could be kept.
public struct InviteAcceptance: Sendable {
    public let affiliate: Affiliate
    public let slugKept: Bool
}
