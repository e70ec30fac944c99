import Contracts
import Kernel

/// Conversion rows changed since the rollups last counted them. A change writes the row's new memo
/// (`ConversionMemos`) and, unless the row is pending already, the memo the rollups still count (empty when they count
/// nothing of it yet). `RollupFolder` later takes that contribution back and adds the current memo's, in one write
/// transaction, so the rollups with what is pending always count each row once.
///
/// So the forty-odd cells a sale counts in are written once per fold for all of an affiliate's sales of a day, in a
/// transaction not fsynced on its own, rather than in every sale's fsynced commit.
struct PendingConversions {
    let space: Keyspace

    /// Global and then keyed by tenant, like pending clicks, so that one scan finds every tenant's.
    init(namespace: String = RollupKeys.live) { space = .global(namespace + "-pending-conversions") }

    func key(_ tenant: TenantID, _ conversion: ConversionID) -> StoreKey {
        space.key(reserving: 20) { bytes in
            tenant.number.appendKeyBytes(to: &bytes)
            conversion.appendKeyBytes(to: &bytes)
        }
    }

    func rows(of tenant: TenantID) -> Keyspace { space.narrowed(to: tenant.number) }

    /// The tenant and conversion a pending key names.
    func row(_ key: StoreKey) -> (tenant: TenantID, conversion: ConversionID)? {
        let suffix = key.suffix(after: space.prefix)
        guard suffix.count == 20, let tenant = TenantID(leadingBytes: suffix), let conversion = ConversionID(bytes: suffix.dropFirst(4)) else { return nil }
        return (tenant, conversion)
    }
}
