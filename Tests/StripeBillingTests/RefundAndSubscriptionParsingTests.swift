import Contracts
import Foundation
import Kernel
@testable import StripeBilling
import Testing

@Suite struct RefundAndSubscriptionParsingTests {
    @Test func aBasilInvoicePaymentLinksTheInvoiceToItsPaymentIntent() throws {
        let event = #"""
            {"id":"evt_1InvPay","object":"event","api_version":"2025-03-31.basil","created":1719700000,"type":"invoice_payment.paid",
             "data":{"object":{"id":"inpay_1","object":"invoice_payment","amount_paid":2900,"amount_requested":2900,"currency":"usd",
             "invoice":"in_1Basil","is_default":true,"status":"paid","payment":{"type":"payment_intent","payment_intent":"pi_3Basil"}}}}
            """#
        #expect(try parse(event).event.fact == .paymentLinked(paymentKey: "in_1Basil", aliases: ["pi_3Basil"]))
        let nothing = event.replacingOccurrences(of: #""payment":{"type":"payment_intent","payment_intent":"pi_3Basil"}"#, with: #""payment":null"#)
        #expect(try parse(nothing).event.fact == .ignored)
    }

    @Test func aPartialRefundCarriesTheCumulativeAmountAndEveryKey() throws {
        let parsed = try parse(ChargeAndSubscriptionFixtures.refunded(amountRefunded: 1000))
        #expect(parsed.event.type == "charge.refunded")
        #expect(
            parsed.event.fact
                == .refund(
                    BillingRefund(paymentKeys: ["ch_3LegacyCharge", "pi_3LegacyIntent", "in_1LegacyInvoice"], totalRefunded: money(1000, "USD"))))
    }

    @Test func aBasilChargeHasNoInvoice() throws {
        let parsed = try parse(ChargeAndSubscriptionFixtures.refunded(amountRefunded: 2900, invoice: nil))
        #expect(parsed.event.fact == .refund(BillingRefund(paymentKeys: ["ch_3LegacyCharge", "pi_3LegacyIntent"], totalRefunded: money(2900, "USD"))))
    }

    @Test func aRefundInAnUnsupportedCurrencyIsIgnored() throws {
        #expect(try parse(ChargeAndSubscriptionFixtures.refunded(amountRefunded: 100, currency: "xof")).ignoredReason == "unsupported_currency")
    }

    @Test func aDeletedSubscriptionEndsIt() throws {
        let parsed = try parse(ChargeAndSubscriptionFixtures.subscriptionDeleted)
        #expect(parsed.event.fact == .subscriptionEnded(subscriptionID: "sub_1Basil"))
        #expect(parsed.event.occurredAt == Date(timeIntervalSince1970: 1_722_300_000))
    }

    @Test func otherEventTypesAreIgnored() throws {
        let parsed = try parse(ChargeAndSubscriptionFixtures.customerCreated)
        #expect(parsed.event == BillingEvent(id: "evt_1Customer", type: "customer.created", occurredAt: Date(timeIntervalSince1970: 1_717_000_000), fact: .ignored))
        #expect(parsed.ignoredReason == "event_type_not_handled")
    }

    @Test func aBodyThatIsNotJSONIsInvalidJSON() {
        for body in ["", "{", "not json", #"{"id": "evt_1",}"#] {
            #expect(code { try parse(body) } == "invalid_json", "\(body)")
        }
    }

    @Test func JSONThatIsNotAnEventIsRefusedNamingWhatIsMissing() {
        #expect(code { try parse("[]") } == "validation_failed")
        #expect(field { try parse(#"{"type": "charge.refunded", "created": 1, "data": {"object": {}}}"#) } == "id")
        #expect(field { try parse(#"{"id": "evt_1", "created": 1, "data": {"object": {}}}"#) } == "type")
        #expect(field { try parse(#"{"id": "evt_1", "type": "charge.refunded", "data": {"object": {}}}"#) } == "created")
        #expect(field { try parse(#"{"id": "evt_1", "type": "charge.refunded", "created": 1, "data": {}}"#) } == "data.object")
    }

    private func failure(_ body: () throws -> Void) -> DomainError? {
        do {
            try body()
            return nil
        } catch {
            return error as? DomainError
        }
    }

    private func code(_ body: () throws -> Void) -> String? { failure(body)?.code }
    private func field(_ body: () throws -> Void) -> String? { failure(body)?.field }
}
