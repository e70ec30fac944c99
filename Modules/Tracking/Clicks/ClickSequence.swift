import Contracts
import Kernel
import Synchronization

/// The ids of clicks between being taken and the end of their write, so that Insights folds only clicks no earlier
/// id can join any more (`ClickLog.watermark`). Ids grow with time, but a click takes its id before its write is
/// queued, and the writer may commit a later one first.
final class ClickSequence: Sendable {
    private struct State {
        var writing: Set<ClickID> = []
        var tenants: Set<TenantID> = []
    }
    private let ids: IDGenerator
    private let state = Mutex(State())

    init(ids: IDGenerator) { self.ids = ids }

    /// A new click's id, held until `end`: call `end` once its write has committed or failed. A tenant's first click
    /// in this process looks up its newest stored click first, so that ids keep growing across a restart even when the
    /// clock went back: a fold's cursor, at a stored click, is then below every click still to be recorded.
    func begin(_ tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> ClickID {
        if let id = take(tenant, first: false) { return id }
        if let newest = try Self.newest(of: tenant, in: store) { ids.advance(past: newest) }
        return take(tenant, first: true)!
    }

    /// A new id held for `tenant`, in one lock; nil for a tenant not seen yet unless this is its `first` click.
    private func take(_ tenant: TenantID, first: Bool) -> ClickID? {
        state.withLock { state in
            guard first || state.tenants.contains(tenant) else { return nil }
            if first { state.tenants.insert(tenant) }
            let id: ClickID = ids.next()
            state.writing.insert(id)
            return id
        }
    }

    func end(_ id: ClickID) { _ = state.withLock { $0.writing.remove(id) } }

    /// The lowest id still being written, or, with none, an id below every one yet to be taken.
    func watermark() -> ClickID { state.withLock { state in state.writing.min() ?? ids.next() } }

    var tenants: [TenantID] { state.withLock { Array($0.tenants) } }

    private static func newest(of tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> ClickID? {
        let records = ClickKeys.clicks(tenant)
        var newest: ClickID?
        try store.scan(.records, prefix: records.prefix, after: nil, reverse: true) { key, _ in
            newest = ClickID(bytes: key.suffix(after: records.prefix))
            return false
        }
        return newest
    }
}
