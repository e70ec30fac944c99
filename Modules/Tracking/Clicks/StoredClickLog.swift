public import Contracts
public import Kernel

/// The click records as the log Insights folds (`ClickLog`).
public struct StoredClickLog: ClickLog {
    /// Nil when this process records no clicks.
    let sequence: ClickSequence?

    init(sequence: ClickSequence) { self.sequence = sequence }

    /// The log of a store this process records no clicks in, read while the server is stopped (`vouch rollups`):
    /// every stored click is in it.
    public init() { sequence = nil }

    public func watermark() -> ClickID { sequence?.watermark() ?? .highest }

    public func clicks(
        of tenant: TenantID, after cursor: ClickID?, below watermark: ClickID, limit: Int, in store: borrowing some StoreReader & ~Copyable
    ) throws -> [ClickRecorded] {
        let records = ClickKeys.clicks(tenant)
        var clicks: [ClickRecorded] = []
        try store.scan(.records, prefix: records.prefix, after: cursor.map { records.key($0) }, reverse: false) { key, bytes in
            guard let id = ClickID(bytes: key.suffix(after: records.prefix)) else {
                throw StoreError(.corrupted, message: "unreadable click key \(key)")
            }
            guard id < watermark else { return false }
            clicks.append(try ClickCoding.decode(bytes, id: id).recorded(tenant))
            return clicks.count < limit
        }
        return clicks
    }

    public func recentTenants() -> [TenantID] { sequence?.tenants ?? [] }
}
