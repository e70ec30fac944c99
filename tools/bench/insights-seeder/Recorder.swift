import Contracts
import Crypto
import Foundation
import Kernel
import Tracking

/// Records planned clicks and money events through the real services, as the HTTP controllers would, and schedules
/// what each leads to: a checkout after a click, renewals after a subscription's first invoice, refunds, reviews.
struct Recorder: Sendable {
    let services: SeedServices
    let bench: BenchTenant
    let schedule: Schedule
    let tally: Tally
    /// Customer ids are drawn from a pool somewhat larger than the number of sales, so some customers come back.
    let customerPool: Int

    static let oneTimePrices: [Int64] = [1_900, 2_900, 4_900, 9_900, 14_900, 29_900]
    static let monthlyPrices: [Int64] = [1_900, 4_900, 9_900]
    static let day: TimeInterval = 86_400

    func record(_ click: PlannedClick) async throws {
        var body: [(String, JSONValue)] = [("programId", .string(bench.program(of: click.affiliate).description)), ("pageUrl", .string(click.pageURL))]
        if let referrer = click.referrer { body.append(("referrer", .string(referrer))) }
        let visitor = Visitor(
            origin: "https://\(BenchProgram.of(click.affiliate).domain)", referer: nil, userAgent: TrafficModel.userAgents[click.agent].agent,
            country: click.country)
        let result = try await services.clicks.record(ClickRequest(FieldReader(.object(body))), from: visitor)
        guard result.status == .ok, let token = result.clickToken else {
            tally.add("clicks ignored: \(result.reason ?? "no token")")
            return
        }
        tally.add("clicks")
        if let sale = click.sale { schedule.add(MoneyEvent(at: click.at + sale.delay, kind: .checkout(sale, token: token))) }
    }

    func record(_ event: MoneyEvent) async throws {
        switch event.kind {
        case .lead(let affiliate, let number):
            let body: JSONValue = .object([("affiliateSlug", .string("aff\(affiliate)")), ("email", .string("lead\(number)@example.com"))])
            let entry = try await services.ledger.recordLead(bench.tenant, LeadReport(signed: FieldReader(body)), source: .leadAPI, signature: nil)
            tally.add(entry == .deduplicated ? "leads deduplicated" : "leads")
        case .serverSale(let affiliate, let number):
            try await serverSale(affiliate, number, at: event.at)
        case .checkout(let sale, let token):
            try await checkout(sale, token: token, at: event.at)
        case .couponSale(let affiliate, let number):
            var random = SeededRandom(5, number)
            let payment = BillingPayment(
                paymentKey: "pi_coupon\(number)", refundKeys: [], amount: Money(minorUnits: Self.oneTimePrices.randomElement(using: &random)!, currency: .usd),
                customerID: customer(&random), customerEmail: nil, subscriptionID: nil, isRenewal: false, couponCodes: ["AFF\(affiliate)"], clickToken: nil)
            try await pay(.payment(payment), id: "evt_coupon\(number)", type: "checkout.session.completed", at: event.at, counted: "coupon sales")
        case .renewal(let subscription, let cycle, let cents, let customer):
            try await renew(subscription, cycle: cycle, cents: cents, customer: customer, at: event.at)
        case .refund(let paymentKey, let cents, let full):
            let refund = BillingRefund(paymentKeys: [paymentKey], totalRefunded: Money(minorUnits: full ? cents : cents / 2, currency: .usd))
            try await pay(.refund(refund), id: "evt_refund_\(paymentKey)", type: "charge.refunded", at: event.at, counted: full ? "full refunds" : "partial refunds")
        case .review(let id, let approve):
            _ = try await services.ledger.review(bench.tenant, id, to: approve ? .approved : .denied)
            tally.add(approve ? "approved" : "denied")
        case .subscriptionEnd(let subscription):
            try await pay(
                .subscriptionEnded(subscriptionID: "sub_\(subscription)"), id: "evt_end_sub_\(subscription)", type: "customer.subscription.deleted",
                at: event.at, counted: "subscriptions ended")
        }
    }

    /// A signed `POST /api/tracking/s2s` body, in USD or EUR, checked by the real verifier; the shop's sales are
    /// reviewed a few days later.
    private func serverSale(_ affiliate: Int, _ number: Int, at: Date) async throws {
        var random = SeededRandom(2, number)
        let currency = random.chance(0.3) ? "EUR" : "USD"
        let cents = Self.oneTimePrices.randomElement(using: &random)! * Int64.random(in: 1...2, using: &random)
        let body = JSONValue.object([
            ("externalEventId", .string("s2s_\(number)")), ("affiliateSlug", .string("aff\(affiliate)")), ("amountCents", .int(cents)),
            ("currency", .string(currency)), ("customerId", .string(customer(&random))),
        ]).serialized()
        let timestamp = UInt64(at.timeIntervalSince1970)
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).".utf8) + body, using: SymmetricKey(data: Array(bench.signingSecret.utf8)))
        let signature = try services.signatures.verify(header: "t=\(timestamp),sig=\(Hex.encode(mac))", body: body, tenant: bench.tenant)
        let entry = try await services.ledger.recordSale(bench.tenant, SaleReport(FieldReader(JSONValue.parse(body))), signature: signature)
        tally.add(entry == .deduplicated ? "server sales deduplicated" : "server sales")
        guard case .recorded(let id) = entry, BenchProgram.of(affiliate) == .shop else { return }
        let verdict = Double.random(in: 0..<1, using: &random)
        guard verdict < 0.95 else { return }
        schedule.add(MoneyEvent(at: at + Double.random(in: 2 * Self.day..<10 * Self.day, using: &random), kind: .review(id, approve: verdict < 0.9)))
    }

    /// A Stripe checkout with the click's token: a one-time payment (a few refunded later) or a subscription's first
    /// invoice, whose renewals follow monthly.
    private func checkout(_ sale: ClickSale, token: String, at: Date) async throws {
        var random = SeededRandom(3, sale.number)
        let customer = customer(&random)
        switch sale.kind {
        case .oneTime:
            let cents = Self.oneTimePrices.randomElement(using: &random)!
            let key = "pi_\(sale.number)"
            let payment = BillingPayment(
                paymentKey: key, refundKeys: ["ch_\(sale.number)"], amount: Money(minorUnits: cents, currency: .usd), customerID: customer,
                customerEmail: nil, subscriptionID: nil, isRenewal: false, couponCodes: [], clickToken: token)
            guard try await pay(.payment(payment), id: "evt_\(key)", type: "checkout.session.completed", at: at, counted: "checkouts"),
                random.chance(0.02)
            else { return }
            let later = at + Double.random(in: 2 * Self.day..<20 * Self.day, using: &random)
            schedule.add(MoneyEvent(at: later, kind: .refund(paymentKey: "ch_\(sale.number)", cents: cents, full: random.chance(0.7))))
        case .subscription:
            let cents = Self.monthlyPrices.randomElement(using: &random)!
            let payment = BillingPayment(
                paymentKey: "in_sub\(sale.number)_0", refundKeys: [], amount: Money(minorUnits: cents, currency: .usd), customerID: customer,
                customerEmail: nil, subscriptionID: "sub_\(sale.number)", isRenewal: false, couponCodes: [], clickToken: token)
            guard try await pay(.payment(payment), id: "evt_in_sub\(sale.number)_0", type: "invoice.paid", at: at, counted: "subscriptions started")
            else { return }
            schedule.add(MoneyEvent(at: at + 30 * Self.day, kind: .renewal(subscription: sale.number, cycle: 1, cents: cents, customer: customer)))
        }
    }

    /// A renewal invoice; then, each month, the next one or (one in twelve) the subscription's end.
    private func renew(_ subscription: Int, cycle: Int, cents: Int64, customer: String, at: Date) async throws {
        let payment = BillingPayment(
            paymentKey: "in_sub\(subscription)_\(cycle)", refundKeys: [], amount: Money(minorUnits: cents, currency: .usd), customerID: customer,
            customerEmail: nil, subscriptionID: "sub_\(subscription)", isRenewal: true, couponCodes: [], clickToken: nil)
        try await pay(.payment(payment), id: "evt_in_sub\(subscription)_\(cycle)", type: "invoice.paid", at: at, counted: "renewals")
        var random = SeededRandom(4, subscription &* 1_000 &+ cycle)
        if random.chance(1.0 / 12) {
            schedule.add(MoneyEvent(at: at + Double.random(in: Self.day..<29 * Self.day, using: &random), kind: .subscriptionEnd(subscription: subscription)))
        } else {
            schedule.add(MoneyEvent(at: at + 30 * Self.day, kind: .renewal(subscription: subscription, cycle: cycle + 1, cents: cents, customer: customer)))
        }
    }

    @discardableResult
    private func pay(_ fact: BillingFact, id: String, type: String, at: Date, counted name: String) async throws -> Bool {
        let outcome = try await services.billing.apply(BillingEvent(id: id, type: type, occurredAt: at, fact: fact), provider: "stripe", tenant: bench.tenant)
        switch outcome {
        case .recorded:
            tally.add(name)
            return true
        case .duplicate:
            tally.add("\(name) duplicate")
        case .ignored(let reason):
            tally.add("\(name) ignored: \(reason)")
        }
        return false
    }

    private func customer(_ random: inout SeededRandom) -> String { "cus_\(Int.random(in: 0..<customerPool, using: &random))" }
}
