public import Contracts
import Foundation
public import Kernel

extension ConversionLedger {
    /// The most rows one export returns.
    public static let exportLimit = 50_000

    /// A page of the tenant's conversions, most recently recorded first.
    public func list(_ tenant: TenantID, page: PageRequest, filter: ConversionFilter) throws -> Page<Conversion> {
        let (table, space) = Self.rows(tenant, filter)
        return try database.read { store in
            try store.page(table, in: space, request: page) { value in
                try conversion(value, in: table, tenant: tenant, store: store).flatMap { filter.matches($0) ? $0 : nil }
            }
        }
    }

    /// Up to `exportLimit` matching conversions, most recently recorded first.
    public func export(_ tenant: TenantID, filter: ConversionFilter) throws -> [Conversion] {
        let (table, space) = Self.rows(tenant, filter)
        return try database.read { store in
            var rows: [Conversion] = []
            try store.scan(table, prefix: space.prefix, after: nil, reverse: true) { _, value in
                if let row = try conversion(value, in: table, tenant: tenant, store: store), filter.matches(row) { rows.append(row) }
                return rows.count < Self.exportLimit
            }
            return rows
        }
    }

    /// An affiliate's rows, oldest first.
    func conversions(of affiliate: AffiliateID, tenant: TenantID) throws -> [Conversion] {
        let space = ConversionKeys.byAffiliate(tenant).narrowed(to: affiliate)
        return try database.read { store in
            var rows: [Conversion] = []
            try store.scan(.indexes, prefix: space.prefix) { _, value in
                if let row = try conversion(value, in: .indexes, tenant: tenant, store: store) { rows.append(row) }
                return true
            }
            return rows
        }
    }

    /// Where the rows a filter can match are listed, in id order: one affiliate's index, or the whole ledger.
    private static func rows(_ tenant: TenantID, _ filter: ConversionFilter) -> (Table, Keyspace) {
        filter.affiliateID.map { (.indexes, ConversionKeys.byAffiliate(tenant).narrowed(to: $0)) } ?? (.records, ConversionKeys.conversions(tenant))
    }

    /// A row from a record, or from an index entry naming it.
    private func conversion(_ value: [UInt8], in table: Table, tenant: TenantID, store: borrowing some StoreReader & ~Copyable) throws -> Conversion? {
        guard table == .indexes else { return try ConversionCoding.decode(value) }
        guard let id = ConversionID(bytes: value), let bytes = try store.get(.records, ConversionKeys.conversions(tenant).key(id)) else { return nil }
        return try ConversionCoding.decode(bytes)
    }

    /// The timeline a conversion belongs to, in the order things happened: a subscription's rows share their first
    /// sale's timeline, so every renewal, refund and cancellation shows on each of them.
    public func timeline(_ tenant: TenantID, of conversion: Conversion) throws -> [ConversionEvent] {
        let entries = try database.read { store in
            try store.records(.records, prefix: ConversionKeys.timeline(tenant).key(conversion.timeline), decode: ConversionEventCoding.decode)
        }
        return entries.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
    }

    /// Commission an affiliate was paid and refunds took back, oldest first.
    public func clawbacks(_ tenant: TenantID, of affiliate: AffiliateID) throws -> [Clawback] {
        try database.read { store in try store.records(.records, prefix: ConversionKeys.clawbacks(tenant).key(affiliate)) }
    }
}
