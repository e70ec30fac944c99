public import HTTPSupport
import Kernel

/// A tenant context that also carries the organization as it was when the request was authenticated.
public protocol OrganizationRequestContext: TenantRequestContext {
    var organization: Organization { get }
}
