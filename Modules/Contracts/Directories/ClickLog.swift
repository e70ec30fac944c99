public import Kernel

/// Tracking's stored clicks in the order of their ids, which Insights folds into its rollups behind a cursor of its
/// own: the click records themselves are the log, so recording a click writes nothing else.
///
/// A click takes its id before its write is queued, so a later id may commit first. `watermark` is below every click
/// still being written; a fold reads only clicks under it, so a cursor never passes a click that is yet to appear.
public protocol ClickLog: Sendable {
    /// An id below every click still being written and every click yet to be taken. Take it before opening the
    /// transaction `clicks` reads in.
    func watermark() -> ClickID

    /// Up to `limit` of the tenant's stored clicks after `cursor` (from the first without one) and below
    /// `watermark`, in id order.
    func clicks(
        of tenant: TenantID, after cursor: ClickID?, below watermark: ClickID, limit: Int, in store: borrowing some StoreReader & ~Copyable
    ) throws -> [ClickRecorded]

    /// The tenants that recorded clicks since this process started, for the background folds.
    func recentTenants() -> [TenantID]
}

/// The log of a server that keeps no Insights projections, a benchmark's baseline: its rollups count no click until
/// a repair.
public struct NoClickLog: ClickLog {
    public init() {}

    public func watermark() -> ClickID { .lowest }

    public func clicks(
        of tenant: TenantID, after cursor: ClickID?, below watermark: ClickID, limit: Int, in store: borrowing some StoreReader & ~Copyable
    ) throws -> [ClickRecorded] { [] }

    public func recentTenants() -> [TenantID] { [] }
}
