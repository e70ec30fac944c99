import Kernel

/// Where the ledger lives under a tenant: the rows, their timelines, and the indexes that keep retries, replays and
/// redelivered billing events from counting twice.
enum ConversionKeys {
    static func conversions(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion") }
    /// affiliate + conversion id → conversion id: an affiliate's rows without a scan of the tenant's.
    static func byAffiliate(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-by-affiliate") }
    /// timeline conversion + event id → `ConversionEvent`.
    static func timeline(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-timeline") }
    /// `externalEventId` of S2S sales → conversion id.
    static func saleEvents(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-s2s-event") }
    /// `externalEventId` of leads → conversion id (a namespace of its own: brands reuse ids across event kinds).
    static func leadEvents(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-lead-event") }
    /// Customer email → the first lead that named it, for the email-match fallback of later sales.
    static func leadEmails(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-lead-email") }
    /// provider + provider event id → nothing: billing events already applied.
    static func billingEvents(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-billing-event") }
    /// Any id a payment is known by (invoice, payment intent, charge, session) → its sale's conversion id.
    static func payments(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-payment") }
    /// Payment id → the cumulative refund reported before the payment itself arrived.
    static func earlyRefunds(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-early-refund") }
    /// Payment id → further ids it is known by, reported before the payment itself arrived.
    static func earlyAliases(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-early-alias") }
    /// Subscription id → `SubscriptionAttribution`.
    static func subscriptions(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-subscription") }
    /// Billing customer id → `CustomerAttribution`: who a returning customer's sales go to.
    static func customers(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-customer") }
    /// Parent sale → its sub-affiliate override row.
    static func overrides(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-override") }
    /// affiliate + program + UTC day number → the day's `ClickReward` row of a `Cpc` program.
    static func clickRewards(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-click-reward") }
    /// affiliate + clawback id → `Clawback`: commission already paid that refunds took back.
    static func clawbacks(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-clawback") }
    /// Import `externalId` → conversion id: a re-run import skips rows it already wrote.
    static func importedRows(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-import-row") }
    /// Import job id → `ConversionImportJob`.
    static func importJobs(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "conversion-import-job") }
}
