import Contracts
import Kernel

/// The status changes that make sense. Anything else is a 409 rather than a silent change: a Banned affiliate is
/// not approved by accident, an Approved one is paused or banned, not "rejected".
enum StatusTransition {
    static func allowed(from current: AffiliateStatus, to next: AffiliateStatus) -> Bool {
        switch (current, next) {
        case (let a, let b) where a == b: true
        case (.pending, .approved), (.pending, .rejected), (.pending, .banned): true
        case (.approved, .paused), (.approved, .banned): true
        case (.paused, .approved), (.paused, .banned): true
        case (.rejected, .approved), (.rejected, .banned): true
        default: false
        }
    }

    static func check(from current: AffiliateStatus, to next: AffiliateStatus) throws(DomainError) {
        guard allowed(from: current, to: next) else {
            throw DomainError.conflict(
                "invalid_status_transition", "An affiliate cannot go from \(current.rawValue) to \(next.rawValue)", field: "status")
        }
    }
}
