public import Contracts
public import HTTPSupport
public import Hummingbird
import Kernel

/// The Affiliates API. The Starter+ gate of the family is applied where the routes are mounted.
///
/// | method | path                                  | notes |
/// |--------|---------------------------------------|-------|
/// | GET    | /api/v1/affiliates                    | newest first; `programId`, `status`, `q` |
/// | GET    | /api/v1/affiliates/applications       | Pending only |
/// | GET    | /api/v1/affiliates/{id}               | 404 outside the tenant |
/// | POST   | /api/v1/affiliates                    | 201; default link generated |
/// | PATCH  | /api/v1/affiliates/{id}               | only sent keys change |
/// | POST   | /api/v1/affiliates/{id}/approve       | |
/// | POST   | /api/v1/affiliates/{id}/reject        | `{ reason }` |
/// | POST   | /api/v1/affiliates/bulk-action        | at most 200 ids |
/// | GET    | /api/v1/affiliates/{id}/sub-affiliates| the affiliates it recruited, a flat array |
/// | POST   | /api/v1/affiliates/import             | `addImportRoute`: mounted with the import rate limit |
public struct AffiliatesController<Context: TenantRequestContext>: Sendable {
    static var maxBulkIDs: Int { 200 }
    let affiliates: AffiliateService
    let tenants: any TenantDirectory
    let notifier: any Notifier
    let earnings: any RecruitEarnings

    public init(affiliates: AffiliateService, tenants: any TenantDirectory, notifier: any Notifier, earnings: any RecruitEarnings) {
        self.affiliates = affiliates
        self.tenants = tenants
        self.notifier = notifier
        self.earnings = earnings
    }

    /// Mounts the routes on a group rooted at `/api/v1/affiliates`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get { request, context in
            let filter = try AffiliateFilter(programId: request.query("programId"), status: request.query("status"), q: request.query("q"))
            return try affiliates.list(context.tenant, page: try request.pageRequest(), filter: filter).json(\.json)
        }
        group.get("applications") { request, context in
            var filter = try AffiliateFilter(programId: request.query("programId"), status: nil, q: request.query("q"))
            filter.status = .pending
            return try affiliates.list(context.tenant, page: try request.pageRequest(), filter: filter).json(\.json)
        }
        group.get(":id") { _, context in
            let id = try Self.id(context)
            guard let affiliate = try affiliates.affiliate(context.tenant, id) else { throw DomainError.notFound("Affiliate") }
            return affiliate.json
        }
        group.post { request, context in
            let body = try await request.fields()
            let input = try NewAffiliate(body)
            let affiliate = try await affiliates.create(context.tenant, input)
            return JSONResponse(.created, affiliate.json)
        }
        group.patch(":id") { request, context in
            let id = try Self.id(context)
            let body = try await request.fields()
            let changes = try AffiliateChanges(body)
            return try await affiliates.update(context.tenant, id, changes).json
        }
        group.post(":id/approve") { _, context in
            let id = try Self.id(context)
            return try await affiliates.approve(context.tenant, id).json
        }
        group.post(":id/reject") { request, context in
            let id = try Self.id(context)
            let body = try await Self.optionalFields(request)
            let reason = try body?.string("reason", maxLength: 1_000).value
            return try await affiliates.reject(context.tenant, id, reason: reason).json
        }
        group.get(":id/sub-affiliates") { _, context in
            let id = try Self.id(context)
            let recruits = try affiliates.recruits(context.tenant, of: id)
            let currency = try tenants.tenant(context.tenant)?.homeCurrency ?? .usd
            let totals = try earnings.earnings(context.tenant, recruiter: id, recruits: recruits.map(\.id), currency: currency)
            return JSONValue.array(
                recruits.map { recruit in
                    let earned = totals[recruit.id] ?? RecruitEarning()
                    return .object([
                        ("id", .string(recruit.id.description)), ("email", .string(recruit.email)), ("fullName", .string(recruit.fullName)),
                        ("status", .string(recruit.status.rawValue)), ("totalCommissionCents", .int(earned.commissionCents)),
                        ("overrideEarnedCents", .int(earned.overrideCents)), ("currency", .string(currency.rawValue)),
                    ])
                })
        }
        group.post("bulk-action") { request, context in
            let body = try await request.fields()
            let (ids, total, action) = try Self.bulkRequest(body)
            let affected = try await affiliates.bulk(context.tenant, ids, action)
            return JSONValue.object([("affected", .int(affected)), ("total", .int(total)), ("action", .string(action.rawValue))])
        }
    }

    /// Mounts `POST` (the roster import) on a group rooted at `/api/v1/affiliates/import`.
    public func addImportRoute(to group: RouterGroup<Context>) {
        group.post { request, context in
            let body = try await request.fields(limit: RosterImportRequest.bodyLimit)
            let input = try RosterImportRequest(body)
            // Emails to imported affiliates are a Growth+ feature on a paid subscription; below it the import still runs.
            let mayNotify = (try? context.requirePaidPlan(.growth)) != nil
            return try await affiliates.importRoster(context.tenant, input, mayNotify: mayNotify, notifier: notifier).json
        }
    }

    private static func id(_ context: Context) throws -> AffiliateID {
        try context.id("id", of: AffiliateTag.self, what: "Affiliate")
    }

    /// A body that may be absent (`approve`, `reject`): none, or a JSON object.
    private static func optionalFields(_ request: Request) async throws -> FieldReader? {
        let buffer = try await request.body.collect(upTo: Request.defaultBodyLimit)
        guard buffer.readableBytes > 0 else { return nil }
        return try FieldReader(try JSONValue.parse(buffer.readableBytesView))
    }

    /// `{ affiliateIds, action }`: ids that are not ids count toward `total` but can match nothing.
    private static func bulkRequest(_ body: FieldReader) throws(DomainError) -> ([AffiliateID], Int, BulkAction) {
        let action = try FieldReader.required(try body.oneOf("action", BulkAction.self), "action")
        let raw = try FieldReader.required(try body.strings("affiliateIds", maxCount: maxBulkIDs, maxLength: 64), "affiliateIds")
        guard !raw.isEmpty else { throw DomainError.validation("affiliateIds", "affiliateIds must not be empty") }
        return (raw.compactMap { AffiliateID($0) }, raw.count, action)
    }
}
