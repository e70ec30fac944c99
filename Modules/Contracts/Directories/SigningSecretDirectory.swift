public import Kernel

/// The `rks_` secrets a tenant signs server-to-server calls with; implemented by Billing.
public protocol SigningSecretDirectory: Sendable {
    /// The tenant's unrevoked secrets (several during a rotation).
    func activeSigningSecrets(_ tenant: TenantID) throws -> [String]
}
