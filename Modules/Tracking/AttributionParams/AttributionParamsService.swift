public import Foundation
public import Kernel

/// A brand's custom attribution params, changed with an `org.attribution_params_changed` event (before and after).
public struct AttributionParamsService: Sendable {
    let database: Database
    let clock: any WallClock
    private let decoded = DecodedRecordCache<[String]>(capacity: 1_000)

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    private static func key(_ tenant: TenantID) -> StoreKey { Keyspace.tenant(tenant, "attribution-params").key() }

    /// The tenant's custom params, in the order the brand gave them.
    public func custom(_ tenant: TenantID) throws -> [String] {
        try database.read { store in try custom(tenant, in: store) }
    }

    func custom(_ tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> [String] {
        try store.get(.records, Self.key(tenant)).map { try decoded.decode($0) } ?? []
    }

    /// Where the tracker looks for a referral code on this tenant's pages, in order.
    func effectiveOrder(_ tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws -> [String] {
        let custom = try custom(tenant, in: store)
        // Most brands add none of their own: theirs is the order worked out once.
        return custom.isEmpty ? AttributionParams.defaultOrder : AttributionParams.effectiveOrder(custom: custom)
    }

    public func set(_ tenant: TenantID, custom: [String]) async throws {
        let now = clock.now()
        try await database.write { store, events in
            let before = try store.get(.records, Self.key(tenant)).map { try RecordCoding.decode([String].self, from: $0) } ?? []
            guard before != custom else { return }
            if custom.isEmpty {
                try store.delete(.records, Self.key(tenant))
            } else {
                try store.put(.records, Self.key(tenant), RecordCoding.encode(custom))
            }
            events.record(AttributionParamsChanged(tenant: tenant, before: before, after: custom, at: now))
        }
    }

    /// The spec's shape of `GET` and `PATCH /api/v1/settings/attribution-params`.
    public func json(_ tenant: TenantID) throws -> JSONValue {
        let custom = try custom(tenant)
        return .object([
            ("custom", custom.isEmpty ? .null : .string(custom.joined(separator: ","))),
            ("defaults", .array(AttributionParams.defaults.map(JSONValue.string))),
            ("effectiveOrder", .array(AttributionParams.effectiveOrder(custom: custom).map(JSONValue.string))),
            ("maxCustomEntries", .int(AttributionParams.maxCustomEntries)),
            ("maxTotalChars", .int(AttributionParams.maxTotalChars)),
        ])
    }
}

/// `org.attribution_params_changed`, for the audit log.
public struct AttributionParamsChanged: DomainEvent {
    public static let name = "org.attribution_params_changed"
    public let tenant: TenantID
    public let before: [String]
    public let after: [String]
    public let at: Date
}
