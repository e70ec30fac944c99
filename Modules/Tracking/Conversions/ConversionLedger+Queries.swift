public import Contracts
import Foundation
public import Kernel

extension ConversionLedger {
    /// The most rows one export returns.
    public static let exportLimit = 50_000

    /// A page of the tenant's conversions, most recently recorded first.
    public func list(_ tenant: TenantID, page: PageRequest, filter: ConversionFilter) throws -> Page<Conversion> {
        try database.read { store in
            try store.page(.records, in: ConversionKeys.conversions(tenant), request: page) { value in
                let conversion = try decoded.decode(value)
                return filter.matches(conversion) ? conversion : nil
            }
        }
    }

    /// Up to `exportLimit` matching conversions, most recently recorded first.
    public func export(_ tenant: TenantID, filter: ConversionFilter) throws -> [Conversion] {
        try database.read { store in
            var rows: [Conversion] = []
            try store.scan(.records, prefix: ConversionKeys.conversions(tenant).prefix, after: nil, reverse: true) { _, value in
                let conversion = try decoded.decode(value)
                if filter.matches(conversion) { rows.append(conversion) }
                return rows.count < Self.exportLimit
            }
            return rows
        }
    }

    /// The timeline a conversion belongs to, in the order things happened: a subscription's rows share their first
    /// sale's timeline, so every renewal, refund and cancellation shows on each of them.
    public func timeline(_ tenant: TenantID, of conversion: Conversion) throws -> [ConversionEvent] {
        let entries = try database.read { store in
            try store.records(.records, prefix: ConversionKeys.timeline(tenant).key(conversion.timeline), as: ConversionEvent.self)
        }
        return entries.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
    }

    /// Commission an affiliate was paid and refunds took back, oldest first.
    public func clawbacks(_ tenant: TenantID, of affiliate: AffiliateID) throws -> [Clawback] {
        try database.read { store in try store.records(.records, prefix: ConversionKeys.clawbacks(tenant).key(affiliate)) }
    }
}
