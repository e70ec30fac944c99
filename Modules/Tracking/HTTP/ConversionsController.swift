import Contracts
public import HTTPSupport
import HTTPTypes
public import Hummingbird
import Kernel

/// The Conversions API. The Starter+ gate of the family is applied where the routes are mounted.
///
/// | method | path                                  | notes |
/// |--------|---------------------------------------|-------|
/// | GET    | /api/v1/conversions                   | newest first; `affiliateId`, `programId`, `status`, `since` |
/// | GET    | /api/v1/conversions/export.csv        | the list's filters plus `until`; at most 50,000 rows |
/// | GET    | /api/v1/conversions/{id}              | with the `events` timeline |
/// | POST   | /api/v1/conversions/{id}/approve      | extension: the brand's review |
/// | POST   | /api/v1/conversions/{id}/deny         | extension: the brand's review |
public struct ConversionsController<Context: TenantRequestContext>: Sendable {
    let ledger: ConversionLedger

    static var csvHeader: [String] {
        [
            "id", "affiliate_id", "program_id", "amount_cents", "currency", "commission_cents", "status", "type", "external_event_id", "created_at",
            "refunded_at", "attribution_method", "coupon_code",
        ]
    }

    public init(ledger: ConversionLedger) { self.ledger = ledger }

    /// Mounts the routes on a group rooted at `/api/v1/conversions`.
    public func addRoutes(to group: RouterGroup<Context>) {
        group.get { request, context in
            let filter = try ConversionFilter(query: request.query)
            return try ledger.list(context.tenant, page: try request.pageRequest(), filter: filter).json(\.json)
        }
        group.get("export.csv") { request, context in
            let rows = try ledger.export(context.tenant, filter: try ConversionFilter(query: request.query))
            var table = CSVTable(header: Self.csvHeader)
            for row in rows { table.append(Self.csvRow(row)) }
            return CSVResponse(table, filename: "conversions.csv")
        }
        group.get(":id") { _, context in
            guard let conversion = try ledger.conversion(context.tenant, try Self.id(context)) else { throw DomainError.notFound("Conversion") }
            let events = try ledger.timeline(context.tenant, of: conversion)
            guard case .object(var fields) = conversion.json else { return conversion.json }
            fields.append(("events", .array(events.map(\.json))))
            return JSONValue.object(fields)
        }
        group.post(":id/approve") { _, context in
            try await ledger.review(context.tenant, try Self.id(context), to: .approved).json
        }
        group.post(":id/deny") { _, context in
            try await ledger.review(context.tenant, try Self.id(context), to: .denied).json
        }
    }

    /// Stripe ids are left out of the CSV, as the spec says.
    static func csvRow(_ row: Conversion) -> [CSVTable.Cell] {
        [
            .text(row.id.description), .text(row.affiliateID.description), .text(row.programID.description), .number(row.amount.minorUnits),
            .text(row.amount.currency.rawValue), .number(row.commission.minorUnits), .text(row.status.rawValue), .text(row.type.rawValue),
            .text(row.externalEventID), .text(Timestamp.format(row.createdAt)), .text(row.refundedAt.map(Timestamp.format)),
            .text(row.attributionMethod?.rawValue), .text(row.couponCode),
        ]
    }

    private static func id(_ context: Context) throws -> ConversionID {
        try context.id("id", of: ConversionTag.self, what: "Conversion")
    }
}
