import Kernel

/// Where the ledger lives under a tenant: the rows, and the indexes that keep retries and replays from counting twice.
enum ConversionKeys {
    static func conversions(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion") }
    /// `externalEventId` of S2S sales → conversion id.
    static func saleEvents(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-s2s-event") }
    /// `externalEventId` of leads → conversion id (a namespace of its own: brands reuse ids across event kinds).
    static func leadEvents(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-lead-event") }
    /// Customer email → the first lead that named it, for the email-match fallback of later sales.
    static func leadEmails(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-lead-email") }
}
