import Contracts
import Kernel

/// A tenant directory over a fixed list.
struct FixedTenants: TenantDirectory {
    let summaries: [TenantSummary]

    init(_ handles: [UInt32: String]) {
        summaries = handles.map { TenantSummary(tenant: TenantID(number: $0.key)!, handle: $0.value, name: $0.value, homeCurrency: .usd) }
    }

    func tenant(handle: String) throws -> TenantSummary? { summaries.first { $0.handle == handle } }
    func tenant(_ tenant: TenantID) throws -> TenantSummary? { summaries.first { $0.tenant == tenant } }
}
