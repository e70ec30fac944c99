import Foundation
import HTTPTypes
import Kernel
import Testing

@Suite struct ConversionImportAPITests {
    static func body(_ program: String, _ rows: [String], confirm: Bool = false, excludePaid: Bool = false) -> String {
        #"{"programId":"\#(program)","conversions":[\#(rows.joined(separator: ","))],"confirmUnpaidPayout":\#(confirm),"excludePaid":\#(excludePaid)}"#
    }

    static let rows = [
        #"{"affiliateEmail":"jane@example.com","amountCents":10000,"commissionCents":2500,"currency":"USD","occurredAt":"2025-01-15T00:00:00Z","paid":true,"externalId":"src-1","stripeCustomerId":"cus_A","stripeSubscriptionId":"sub_A","type":"Recurring"}"#,
        #"{"affiliateSlug":"jane","amountCents":20000,"commissionCents":5000,"currency":"USD","occurredAt":"2025-02-15T00:00:00Z","paid":false,"externalId":"src-2"}"#,
        #"{"affiliateSlug":"john","amountCents":3000,"commissionCents":300,"currency":"eur","occurredAt":"2025-03-01T00:00:00Z"}"#,
        #"{"affiliateEmail":"nobody@example.com","amountCents":1,"commissionCents":1,"currency":"USD","occurredAt":"2025-03-01T00:00:00Z"}"#,
    ]

    @Test func thePreviewIsWhatTheImportWrites() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane")
            try await shop.affiliate(api, code: "john")
            let body = Self.body(shop.program, Self.rows, confirm: true)
            let preview = try await api.call(.post, "/api/v1/conversions/import/preview", token: shop.key, body: body)
            #expect(preview.status == .ok)
            #expect(preview.json["rowsTotal"] == .int(4) && preview.json["wouldImport"] == .int(3) && preview.json["wouldError"] == .int(1))
            #expect(preview.json["skipReasons"] == .object([("affiliate_not_found", .int(1))]))
            #expect(preview.json["paidBalance"] == .array([.object([("currency", .string("USD")), ("commissionCents", .int(2_500)), ("count", .int(1))])]))
            #expect(
                preview.json["unpaidBalance"]
                    == .array([
                        .object([("currency", .string("EUR")), ("commissionCents", .int(300)), ("count", .int(1))]),
                        .object([("currency", .string("USD")), ("commissionCents", .int(5_000)), ("count", .int(1))]),
                    ]))
            #expect(try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"] == .array([]))

            let run = try await api.call(.post, "/api/v1/conversions/import", token: shop.key, body: body)
            #expect(run.json["kind"] == .string("Conversions") && run.json["status"] == .string("Completed") && run.json["jobId"]?.stringValue != nil)
            #expect(run.json["total"] == .int(4) && run.json["imported"] == .int(3) && run.json["errored"] == .int(1) && run.json["skipped"] == .int(0))
            #expect(run.json["unpaidConfirmedCents"] == .int(5_300) && run.json["confirmUnpaidPayout"] == .bool(true))
            let items = try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"]?.arrayElements ?? []
            #expect(items.compactMap { $0["status"]?.stringValue }.sorted() == ["Approved", "Approved", "Paid"])
            let paid = try #require(items.first { $0["status"] == .string("Paid") })
            #expect(paid["type"] == .string("Recurring") && paid["stripeSubscriptionId"] == .string("sub_A") && paid["attributionMethod"] == .string("import"))
            #expect(paid["createdAt"] == .string("2025-01-15T00:00:00Z") && paid["externalEventId"] == .string("src-1"))

            // Re-running writes nothing twice, and the preview says so first.
            let again = try await api.call(.post, "/api/v1/conversions/import/preview", token: shop.key, body: body)
            #expect(again.json["wouldImport"] == .int(0) && again.json["wouldSkip"] == .int(3))
            let rerun = try await api.call(.post, "/api/v1/conversions/import", token: shop.key, body: body)
            #expect(rerun.json["imported"] == .int(0) && rerun.json["reasons"]?["already_imported"] == .int(3) && rerun.json["unpaidConfirmedCents"] == .int(0))
            #expect(try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"]?.arrayElements?.count == 3)
        }
    }

    @Test func unpaidRowsAreLockedUnlessConfirmedAndPaidRowsCanBeLeftOut() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane")
            let body = Self.body(shop.program, Array(Self.rows.prefix(2)), excludePaid: true)
            let preview = try await api.call(.post, "/api/v1/conversions/import/preview", token: shop.key, body: body)
            #expect(preview.json["wouldSkip"] == .int(1) && preview.json["skipReasons"] == .object([("excluded_paid", .int(1))]))
            #expect(preview.json["paidBalance"] == .array([]))
            let run = try await api.call(.post, "/api/v1/conversions/import", token: shop.key, body: body)
            #expect(run.json["imported"] == .int(1) && run.json["unpaidConfirmedCents"] == .int(0) && run.json["excludePaid"] == .bool(true))
            let items = try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"]?.arrayElements ?? []
            #expect(items.map { $0["status"] } == [.string("Pending")])
            // Unconfirmed unpaid history is locked: a review cannot make it payable.
            let id = try #require(items.first?["id"]?.stringValue)
            let approval = try await api.call(.post, "/api/v1/conversions/\(id)/approve", token: shop.key)
            #expect(approval.status == .conflict && approval.json["error"] == .string("conversion_not_reviewable"))
            let huge = Self.body(shop.program, [Self.rows[1]]).replacingOccurrences(of: #""paid":false"#, with: #""paid":false,"pad":"\#(String(repeating: "x", count: 4 << 20))""#)
            #expect(try await api.call(.post, "/api/v1/conversions/import", token: shop.key, body: huge).status == .contentTooLarge)
        }
    }

    @Test func badImportsAreRefusedBeforeAnythingIsWritten() async throws {
        try await APIHarness.run { api in
            let shop = try await TrackingFixture.make(api)
            try await shop.affiliate(api, code: "jane")
            let bad = [
                Self.rows[0],
                #"{"amountCents":1,"commissionCents":1,"currency":"USD","occurredAt":"2025-01-01T00:00:00Z"}"#,
                #"{"affiliateSlug":"jane","amountCents":-5,"commissionCents":1,"currency":"USD","occurredAt":"2025-01-01T00:00:00Z"}"#,
                #"{"affiliateSlug":"jane","amountCents":5,"commissionCents":100000001,"currency":"USD","occurredAt":"2025-01-01T00:00:00Z"}"#,
                #"{"affiliateSlug":"jane","amountCents":5,"commissionCents":1,"currency":"XXX","occurredAt":"2025-01-01T00:00:00Z"}"#,
                #"{"affiliateSlug":"jane","amountCents":5,"commissionCents":1,"currency":"USD"}"#,
                #"{"affiliateSlug":"jane","amountCents":5,"commissionCents":1,"currency":"USD","occurredAt":"2025-01-01T00:00:00Z","type":"Bonus"}"#,
            ]
            let refused = try await api.call(.post, "/api/v1/conversions/import", token: shop.key, body: Self.body(shop.program, bad))
            #expect(refused.status == .badRequest && refused.error == "invalid_rows")
            let expected: [(Int64, String)] = [
                (1, "affiliate_email_or_slug_required"), (2, "amount_out_of_range"), (3, "commission_out_of_range"), (4, "unsupported_currency"),
                (5, "occurred_at_required"), (6, "invalid_type"),
            ]
            #expect(refused.json["rows"] == .array(expected.map { .object([("index", .int($0.0)), ("error", .string($0.1))]) }))
            #expect(try await api.call(.get, "/api/v1/conversions", token: shop.key).json["items"] == .array([]))

            let tooMany = Self.body(shop.program, Array(repeating: Self.rows[1], count: 1_001))
            let capped = try await api.call(.post, "/api/v1/conversions/import/preview", token: shop.key, body: tooMany)
            #expect(capped.status == .badRequest && capped.error == "row_cap_exceeded")
            let other = try await TrackingFixture.make(api, handle: "other")
            let foreign = try await api.call(.post, "/api/v1/conversions/import/preview", token: other.key, body: Self.body(shop.program, [Self.rows[1]]))
            #expect(foreign.status == .notFound && foreign.error == "program_not_found")
            let malformed = try await api.call(.post, "/api/v1/conversions/import", token: shop.key, body: #"{"programId":"#)
            #expect(malformed.status == .badRequest)
            // The import budget is 6 a minute per key: three calls above, three more, then a refusal.
            for _ in 1...3 {
                _ = try await api.call(.post, "/api/v1/conversions/import/preview", token: shop.key, body: Self.body(shop.program, [Self.rows[1]]))
            }
            let limited = try await api.call(.post, "/api/v1/conversions/import/preview", token: shop.key, body: Self.body(shop.program, [Self.rows[1]]))
            #expect(limited.status == .tooManyRequests)
        }
    }
}
