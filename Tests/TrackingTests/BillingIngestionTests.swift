import Contracts
import Foundation
import Kernel
import TestSupport
import Testing

@testable import Tracking

/// Billing events applied to a real ledger: attribution order, renewals, refunds and clawbacks, overrides, and
/// replays and reordering converging.
@Suite struct BillingIngestionTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    func payment(
        _ eventID: String, key: String, cents: Int64 = 9_900, subscription: String? = nil, renewal: Bool = false, coupons: [String] = [],
        token: String? = nil, customer: String? = "cus_1", email: String? = nil, refundKeys: [String] = [], at: Date = start
    ) -> BillingEvent {
        BillingEvent(
            id: eventID, type: "invoice.paid", occurredAt: at,
            fact: .payment(
                BillingPayment(
                    paymentKey: key, refundKeys: refundKeys, amount: Money(minorUnits: cents, currency: .usd), customerID: customer, customerEmail: email,
                    subscriptionID: subscription, isRenewal: renewal, couponCodes: coupons, clickToken: token)))
    }

    func refund(_ eventID: String, keys: [String], total: Int64, at: Date = start) -> BillingEvent {
        BillingEvent(id: eventID, type: "charge.refunded", occurredAt: at, fact: .refund(BillingRefund(paymentKeys: keys, totalRefunded: Money(minorUnits: total, currency: .usd))))
    }

    func withFixture(_ body: (LedgerFixture) async throws -> Void) async throws {
        try await withTemporaryDatabase { database, _ in
            try await body(LedgerFixture(database: database, clock: ManualClock(Self.start)))
        }
    }

    @Test func aClickTokenAttributesAndEveryReportOfAPaymentCountsOnce() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram()
            let jane = f.directory.addAffiliate("jane@example.com", program: program)
            let token = try await f.click(by: jane)
            let recorder = EventRecorder()
            f.database.bus.addProjector(recorder)
            #expect(try await f.billing.apply(payment("evt_1", key: "in_1", token: token), provider: "stripe", tenant: f.tenant) == .recorded)
            let created = try #require(recorder.events(ConversionRecorded.self).first)
            #expect(created.click?.at == Self.start.addingTimeInterval(-86_400) && created.click?.device == .desktop && created.attributionMethod == .metadataOrCustomer)
            #expect(try await f.billing.apply(payment("evt_1", key: "in_1", token: token), provider: "stripe", tenant: f.tenant) == .duplicate)
            // invoice.payment_succeeded reports the same invoice under another event id.
            #expect(try await f.billing.apply(payment("evt_2", key: "in_1", token: token), provider: "stripe", tenant: f.tenant) == .duplicate)
            let rows = try f.conversions()
            #expect(rows.count == 1)
            let sale = try #require(rows.first)
            #expect(sale.affiliateID == jane && sale.commission == Money(minorUnits: 1_980, currency: .usd) && sale.status == .pending)
            #expect(sale.attributionMethod == .metadataOrCustomer && sale.clickID != nil && sale.couponCode == nil && sale.type == .oneTime)
        }
    }

    @Test func theAttributionOrderIsCouponThenClickThenCustomerThenLead() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram(autoApprove: true)
            let coupon = f.directory.addAffiliate("cora@example.com", program: program, coupon: "CORA10")
            let clicker = f.directory.addAffiliate("cleo@example.com", program: program)
            let leader = f.directory.addAffiliate("lena@example.com", program: program)
            let lead = try LeadReport(signed: FieldReader(JSONValue.parse(Array(#"{"affiliateSlug":"lena","email":"buyer@example.com"}"#.utf8))))
            _ = try await f.ledger.recordLead(f.tenant, lead, source: .leadAPI, signature: nil)
            let token = try await f.click(by: clicker)
            let stale = try await f.click(by: clicker, daysAgo: 31)
            let after = try await f.click(by: clicker, daysAgo: -1)

            let events = [
                payment("e1", key: "p1", coupons: ["promo_x", "cora10"], token: token, customer: "c1", email: "buyer@example.com"),
                payment("e2", key: "p2", token: token, customer: "c2", email: "buyer@example.com"),
                payment("e3", key: "p3", customer: "c2", email: "buyer@example.com"),  // the returning customer of e2
                payment("e4", key: "p4", token: stale, customer: nil, email: "BUYER@example.com"),  // click too old: the lead
                payment("e5", key: "p5", customer: nil, email: "stranger@example.com"),
                payment("e6", key: "p6", token: after, customer: nil, email: "buyer@example.com"),  // click a day after the sale: the lead
            ]
            var outcomes: [BillingOutcome] = []
            for event in events { outcomes.append(try await f.billing.apply(event, provider: "stripe", tenant: f.tenant)) }
            #expect(outcomes == [.recorded, .recorded, .recorded, .recorded, .ignored(reason: "no_referral"), .recorded])
            let rows = try f.conversions().filter { $0.type != .leadReward }
            #expect(rows.map(\.affiliateID) == [coupon, clicker, clicker, leader, leader])
            #expect(rows.map(\.attributionMethod) == [.coupon, .metadataOrCustomer, .metadataOrCustomer, .emailMatch, .emailMatch])
            #expect(rows.map(\.couponCode) == ["cora10", nil, nil, nil, nil])
            #expect(rows.allSatisfy { $0.status == .approved })
        }
    }

    @Test func firstTouchKeepsTheCustomersFirstAffiliateLastTouchTakesTheNewClick() async throws {
        for model in [AttributionModel.firstTouch, .lastTouch] {
            try await withFixture { f in
                let program = f.directory.addProgram(attribution: model)
                let first = f.directory.addAffiliate("first@example.com", program: program)
                let second = f.directory.addAffiliate("second@example.com", program: program)
                _ = try await f.billing.apply(payment("e1", key: "p1", token: try await f.click(by: first)), provider: "stripe", tenant: f.tenant)
                _ = try await f.billing.apply(payment("e2", key: "p2", token: try await f.click(by: second)), provider: "stripe", tenant: f.tenant)
                #expect(try f.conversions().map(\.affiliateID) == [first, model == .firstTouch ? first : second], "\(model)")
            }
        }
    }

    @Test func aCheckoutAndItsFirstInvoiceConvergeInEitherOrder() async throws {
        for sessionFirst in [true, false] {
            try await withFixture { f in
                let program = f.directory.addProgram()
                let jane = f.directory.addAffiliate("jane@example.com", program: program)
                let token = try await f.click(by: jane)
                // The session carries the token (client_reference_id); its invoice carries none.
                let session = payment("evt_cs", key: "in_1", subscription: "sub_1", token: token, refundKeys: ["pi_1"])
                let invoice = payment("evt_in", key: "in_1", subscription: "sub_1", customer: "cus_9")
                let order = sessionFirst ? [session, invoice] : [invoice, session]
                var outcomes: [BillingOutcome] = []
                for event in order { outcomes.append(try await f.billing.apply(event, provider: "stripe", tenant: f.tenant)) }
                #expect(outcomes == (sessionFirst ? [.recorded, .duplicate] : [.ignored(reason: "no_referral"), .recorded]))
                let renewal = payment("evt_r1", key: "in_2", subscription: "sub_1", renewal: true, customer: "cus_9", at: Self.start.addingTimeInterval(2_592_000))
                #expect(try await f.billing.apply(renewal, provider: "stripe", tenant: f.tenant) == .recorded)
                let rows = try f.conversions()
                #expect(rows.count == 2 && rows.allSatisfy { $0.affiliateID == jane && $0.timeline == rows[0].id }, "session first: \(sessionFirst)")
            }
        }
    }

    @Test func aFreeTrialKeepsItsReferralForTheFirstPaidInvoice() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram(recurringMonths: 1)
            let jane = f.directory.addAffiliate("jane@example.com", program: program)
            let trial = BillingEvent(
                id: "evt_trial", type: "checkout.session.completed", occurredAt: Self.start,
                fact: .subscriptionStarted(
                    BillingPayment(
                        paymentKey: "in_0", refundKeys: [], amount: Money(minorUnits: 0, currency: .usd), customerID: "cus_1", customerEmail: nil,
                        subscriptionID: "sub_1", isRenewal: false, couponCodes: [], clickToken: try await f.click(by: jane))))
            #expect(try await f.billing.apply(trial, provider: "stripe", tenant: f.tenant) == .recorded)
            #expect(try f.conversions().isEmpty)
            // The invoices after the trial carry no token; Stripe calls the first of them a cycle.
            var outcomes: [BillingOutcome] = []
            for n in 1...3 {
                let invoice = payment("evt_\(n)", key: "in_\(n)", subscription: "sub_1", renewal: true, customer: nil, at: Self.start.addingTimeInterval(Double(n) * 2_592_000))
                outcomes.append(try await f.billing.apply(invoice, provider: "stripe", tenant: f.tenant))
            }
            #expect(outcomes == [.recorded, .recorded, .ignored(reason: "recurring_limit_reached")])
            let rows = try f.conversions()
            #expect(rows.count == 2 && rows.allSatisfy { $0.affiliateID == jane && $0.timeline == rows[0].id && $0.clickID != nil })
            #expect(try f.ledger.timeline(f.tenant, of: rows[0]).map(\.kind) == [.initial, .renewal, .renewalNotCommissioned])
        }
    }

    @Test func anAffiliateWhoCannotEarnGetsNothing() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram()
            let paused = f.directory.addAffiliate("paul@example.com", program: program, status: .paused, coupon: "PAUL")
            _ = paused
            let outcome = try await f.billing.apply(payment("e1", key: "p1", coupons: ["PAUL"]), provider: "stripe", tenant: f.tenant)
            #expect(outcome == .ignored(reason: "affiliate_not_approved"))
            #expect(try f.conversions().isEmpty)
        }
    }

    @Test func renewalsEarnWithinTheRecurringLimitAndShareOneTimeline() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram(recurringMonths: 2, recurringDelay: 1)
            let jane = f.directory.addAffiliate("jane@example.com", program: program, coupon: "JANE")
            var outcomes: [BillingOutcome] = []
            outcomes.append(try await f.billing.apply(payment("e0", key: "in_0", subscription: "sub_1", coupons: ["JANE"]), provider: "stripe", tenant: f.tenant))
            for n in 1...4 {
                let event = payment("e\(n)", key: "in_\(n)", subscription: "sub_1", renewal: true, at: Self.start.addingTimeInterval(Double(n) * 2_592_000))
                outcomes.append(try await f.billing.apply(event, provider: "stripe", tenant: f.tenant))
            }
            // Delay 1: renewal 1 earns nothing; limit 2: renewals 2 and 3 earn; renewal 4 is past the limit.
            #expect(outcomes == [.recorded, .ignored(reason: "recurring_limit_reached"), .recorded, .recorded, .ignored(reason: "recurring_limit_reached")])
            let rows = try f.conversions()
            #expect(rows.count == 3 && rows.allSatisfy { $0.type == .recurring && $0.affiliateID == jane && $0.attributionMethod == .coupon })
            #expect(rows.allSatisfy { $0.timeline == rows[0].id && $0.subscriptionID == "sub_1" && $0.couponCode == "JANE" })
            let timeline = try f.ledger.timeline(f.tenant, of: rows[0])
            #expect(timeline.map(\.kind) == [.initial, .renewalNotCommissioned, .renewal, .renewal, .renewalNotCommissioned])
            #expect(timeline.map(\.commission.minorUnits) == [1_980, 0, 1_980, 1_980, 0])
        }
    }

    @Test func noRenewalEarnsAfterTheSubscriptionEnded() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram()
            f.directory.addAffiliate("jane@example.com", program: program, coupon: "JANE")
            _ = try await f.billing.apply(payment("e0", key: "in_0", subscription: "sub_1", coupons: ["JANE"]), provider: "stripe", tenant: f.tenant)
            let end = BillingEvent(id: "e1", type: "customer.subscription.deleted", occurredAt: Self.start.addingTimeInterval(86_400), fact: .subscriptionEnded(subscriptionID: "sub_1"))
            #expect(try await f.billing.apply(end, provider: "stripe", tenant: f.tenant) == .recorded)
            let late = payment("e2", key: "in_2", subscription: "sub_1", renewal: true, at: Self.start.addingTimeInterval(40 * 86_400))
            #expect(try await f.billing.apply(late, provider: "stripe", tenant: f.tenant) == .ignored(reason: "subscription_ended"))
            #expect(try f.conversions().count == 1)
        }
    }

    @Test func partialAndFullRefundsConvergeWhateverTheOrder() async throws {
        let orders: [[Int]] = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [2, 1, 0], [1, 2, 0]]
        for order in orders {
            try await withFixture { f in
                let program = f.directory.addProgram(subAffiliatePercent: 1_000)
                let recruiter = f.directory.addAffiliate("rita@example.com", program: program)
                f.directory.addAffiliate("jane@example.com", program: program, recruitedBy: recruiter, coupon: "JANE")
                let events = [
                    payment("pay", key: "in_1", coupons: ["JANE"], refundKeys: ["pi_1", "ch_1"]),
                    refund("r1", keys: ["ch_1", "pi_1"], total: 3_300),
                    refund("r2", keys: ["ch_1", "pi_1"], total: 9_900),
                ]
                for index in order { _ = try await f.billing.apply(events[index], provider: "stripe", tenant: f.tenant) }
                for index in order { #expect(try await f.billing.apply(events[index], provider: "stripe", tenant: f.tenant) == .duplicate) }
                let rows = try f.conversions()
                #expect(rows.count == 2, "order \(order)")
                let sale = try #require(rows.first { $0.parentConversionID == nil })
                let share = try #require(rows.first { $0.parentConversionID != nil })
                #expect(sale.status == .refunded && sale.commission.minorUnits == 0 && sale.refunded?.minorUnits == 9_900 && sale.refundedAt != nil)
                #expect(share.status == .refunded && share.commission.minorUnits == 0 && share.affiliateID == recruiter)
            }
        }
    }

    @Test func aPartialRefundShrinksTheCommissionAndTheOverride() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram(subAffiliatePercent: 1_000)
            let recruiter = f.directory.addAffiliate("rita@example.com", program: program)
            f.directory.addAffiliate("jane@example.com", program: program, recruitedBy: recruiter, coupon: "JANE")
            _ = try await f.billing.apply(payment("pay", key: "in_1", coupons: ["JANE"], refundKeys: ["ch_1"]), provider: "stripe", tenant: f.tenant)
            var rows = try f.conversions()
            let share = try #require(rows.first { $0.parentConversionID != nil })
            #expect(share.amount.minorUnits == 0 && share.commission.minorUnits == 198 && share.attributionMethod == .subAffiliateOverride)
            #expect(share.parentConversionID == rows.first { $0.parentConversionID == nil }?.id)

            #expect(try await f.billing.apply(refund("r1", keys: ["ch_1"], total: 3_300), provider: "stripe", tenant: f.tenant) == .recorded)
            // An older cumulative total arriving late changes nothing.
            #expect(try await f.billing.apply(refund("r0", keys: ["ch_1"], total: 1_000), provider: "stripe", tenant: f.tenant) == .recorded)
            rows = try f.conversions()
            let sale = try #require(rows.first { $0.parentConversionID == nil })
            #expect(sale.status == .pending && sale.commission.minorUnits == 1_320 && sale.refunded?.minorUnits == 3_300)
            #expect(rows.first { $0.parentConversionID != nil }?.commission.minorUnits == 132)
        }
    }

    @Test func aBasilRefundFindsItsInvoiceThroughTheInvoicePaymentInEitherOrder() async throws {
        for linkFirst in [false, true] {
            try await withFixture { f in
                let program = f.directory.addProgram()
                f.directory.addAffiliate("jane@example.com", program: program, coupon: "JANE")
                let link = BillingEvent(
                    id: "evt_link", type: "invoice_payment.paid", occurredAt: Self.start, fact: .paymentLinked(paymentKey: "in_1", aliases: ["pi_1"]))
                let invoice = payment("evt_in", key: "in_1", coupons: ["JANE"])  // basil: the invoice names no payment intent
                let refund = refund("evt_rf", keys: ["ch_1", "pi_1"], total: 9_900)
                for event in linkFirst ? [link, invoice, refund] : [invoice, refund, link] {
                    _ = try await f.billing.apply(event, provider: "stripe", tenant: f.tenant)
                }
                let sale = try #require(try f.conversions().first)
                #expect(sale.status == .refunded && sale.commission.minorUnits == 0, "link first: \(linkFirst)")
            }
        }
    }

    @Test func aRefundAfterPayoutIsClawedBack() async throws {
        try await withFixture { f in
            let program = f.directory.addProgram()
            let jane = f.directory.addAffiliate("jane@example.com", program: program, coupon: "JANE")
            _ = try await f.billing.apply(payment("pay", key: "in_1", coupons: ["JANE"], refundKeys: ["ch_1"]), provider: "stripe", tenant: f.tenant)
            var sale = try #require(try f.conversions().first)
            sale.status = .paid
            sale.paidCommission = sale.commission
            let paid = sale
            let writes = LedgerWrites(tenant: f.tenant, ids: f.directory.ids)
            try await f.database.write { store, _ in try writes.save(paid, in: store) }

            _ = try await f.billing.apply(refund("r1", keys: ["ch_1"], total: 4_950), provider: "stripe", tenant: f.tenant)
            let clawbacks = try f.ledger.clawbacks(f.tenant, of: jane)
            #expect(clawbacks.map(\.amount.minorUnits) == [990])
            #expect(try f.conversions().first?.status == .paid)
            _ = try await f.billing.apply(refund("r2", keys: ["ch_1"], total: 9_900), provider: "stripe", tenant: f.tenant)
            #expect(try f.ledger.clawbacks(f.tenant, of: jane).map(\.amount.minorUnits) == [990, 990])
            let refunded = try #require(try f.conversions().first)
            #expect(refunded.status == .refunded && refunded.commission.minorUnits == 0)
            let kinds = try f.ledger.timeline(f.tenant, of: refunded).map(\.kind)
            #expect(kinds == [.initial, .refund, .clawback, .refund, .clawback])
        }
    }

    @Test func unknownEventsAreAcknowledgedOnce() async throws {
        try await withFixture { f in
            let event = BillingEvent(id: "evt_x", type: "customer.created", occurredAt: Self.start, fact: .ignored)
            let first = try await f.billing.apply(event, provider: "stripe", tenant: f.tenant)
            let again = try await f.billing.apply(event, provider: "stripe", tenant: f.tenant)
            #expect(first == .ignored(reason: "event_type_not_handled") && again == .duplicate)
        }
    }
}
