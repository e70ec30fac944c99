import Contracts
import Foundation
import Kernel
import Synchronization

/// Tracking's part in these tests: keeps every `click.recorded` it projects, in the writer's transaction, in a
/// keyspace of its own, and reads them back as the click log Insights folds. Unlike Tracking, it gives each click a
/// new id there, in the order the writer stores them (the events' ids were all taken up front, and their writes
/// commit in any order), so no click can still appear below one the log shows.
final class RecordedClickLog: EventProjector, ClickLog {
    private let tenants = Mutex<Set<TenantID>>([])
    private let stored = Mutex<UInt64>(0)

    private func space(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "test-click") }

    func project(_ event: any DomainEvent, into store: borrowing some StoreWriter & ~Copyable) throws {
        guard let click = event as? ClickRecorded else { return }
        let stored = StoredClick(
            program: click.programID, affiliate: click.affiliateID, link: click.linkID, at: click.at, country: click.country, device: click.device,
            referrerHost: click.referrerHost, utm: click.utm)
        let position = self.stored.withLock { count in
            count += 1
            return count
        }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { bytes in withUnsafeBytes(of: position.bigEndian) { bytes.copyBytes(from: $0) } }
        try store.put(.records, space(click.tenant).key(ClickID(uuid: UUID(uuid: raw))), RecordCoding.encode(stored))
        _ = tenants.withLock { $0.insert(click.tenant) }
    }

    func watermark() -> ClickID { .highest }

    func clicks(
        of tenant: TenantID, after cursor: ClickID?, below watermark: ClickID, limit: Int, in store: borrowing some StoreReader & ~Copyable
    ) throws -> [ClickRecorded] {
        let records = space(tenant)
        var clicks: [ClickRecorded] = []
        try store.scan(.records, prefix: records.prefix, after: cursor.map { records.key($0) }, reverse: false) { key, bytes in
            guard let id = ClickID(bytes: key.suffix(after: records.prefix)), id < watermark else { return false }
            let click = try RecordCoding.decode(StoredClick.self, from: bytes)
            clicks.append(
                ClickRecorded(
                    tenant: tenant, clickID: id, programID: click.program, affiliateID: click.affiliate, linkID: click.link, at: click.at,
                    country: click.country, device: click.device, referrerHost: click.referrerHost, utm: click.utm))
            return clicks.count < limit
        }
        return clicks
    }

    func recentTenants() -> [TenantID] { tenants.withLock { Array($0) } }

    private struct StoredClick: Codable {
        let program: ProgramID
        let affiliate: AffiliateID
        let link: AffiliateLinkID
        let at: Date
        let country: String?
        let device: DeviceClass
        let referrerHost: String?
        let utm: UTMParameters
    }
}
