import Contracts
import Kernel
import Synchronization

/// A ledger stand-in: keeps what it is handed and answers like the ledger would for the simplest rules (an event id
/// seen before is a duplicate, a fact with nothing to record is ignored).
final class RecordingSink: BillingEventSink {
    struct Applied: Equatable {
        let event: BillingEvent
        let provider: String
        let tenant: TenantID
    }

    private let state = Mutex<[Applied]>([])

    var applied: [Applied] { state.withLock { $0 } }

    func apply(_ event: BillingEvent, provider: String, tenant: TenantID) async throws -> BillingOutcome {
        state.withLock { applied in
            defer { applied.append(Applied(event: event, provider: provider, tenant: tenant)) }
            if applied.contains(where: { $0.event.id == event.id && $0.tenant == tenant }) { return .duplicate }
            if event.fact == .ignored { return .ignored(reason: "nothing_to_record") }
            return .recorded
        }
    }
}
