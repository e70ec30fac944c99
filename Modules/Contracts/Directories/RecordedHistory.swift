public import Kernel

/// Replays what a context has stored as the events that would record it as it stands now, so that projections
/// (Insights' rollups) can be rebuilt from the raw records and checked against the live ones.
public protocol RecordedHistory: Sendable {
    /// Hands the tenant's events to `deliver` in batches, in the order they were recorded within each kind.
    func replay(_ tenant: TenantID, _ deliver: ([any DomainEvent]) async throws -> Void) async throws
}
