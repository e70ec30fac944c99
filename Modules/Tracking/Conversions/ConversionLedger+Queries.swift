public import Contracts
import Foundation
public import Kernel

extension ConversionLedger {
    /// The timeline a conversion belongs to, in the order things happened: a subscription's rows share their first
    /// sale's timeline, so every renewal, refund and cancellation shows on each of them.
    public func timeline(_ tenant: TenantID, of conversion: Conversion) throws -> [ConversionEvent] {
        try database.read { store in
            var entries: [ConversionEvent] = []
            try store.scan(.records, prefix: ConversionKeys.timeline(tenant).key(conversion.timeline)) { _, value in
                entries.append(try RecordCoding.decode(ConversionEvent.self, from: value))
                return true
            }
            return entries.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
        }
    }

    /// Commission an affiliate was paid and refunds took back, oldest first.
    public func clawbacks(_ tenant: TenantID, of affiliate: AffiliateID) throws -> [Clawback] {
        try database.read { store in
            var clawbacks: [Clawback] = []
            try store.scan(.records, prefix: ConversionKeys.clawbacks(tenant).key(affiliate)) { _, value in
                clawbacks.append(try RecordCoding.decode(Clawback.self, from: value))
                return true
            }
            return clawbacks
        }
    }
}
