import Contracts
import Foundation
import Kernel
@testable import StripeBilling
import Testing

@Suite struct CheckoutSessionParsingTests {
    @Test func aPaidOneOffCheckoutIsAPayment() throws {
        let parsed = try parse(CheckoutSessionFixtures.paymentMode())
        #expect(parsed.event.id == "evt_1PcheckoutPay")
        #expect(parsed.event.type == "checkout.session.completed")
        #expect(parsed.event.occurredAt == Date(timeIntervalSince1970: 1_717_000_000))
        #expect(parsed.ignoredReason == nil)
        #expect(
            parsed.event.fact
                == .payment(
                    BillingPayment(
                        paymentKey: "pi_3PayMode", refundKeys: [], amount: money(4900, "USD"), customerID: "cus_PayMode1",
                        customerEmail: "buyer@example.com", subscriptionID: nil, isRenewal: false,
                        couponCodes: ["promo_1Jane", "JANE20", "Z4OV52SU"], clickToken: "clk_from_reference")))
    }

    @Test func aSubscriptionCheckoutIsKeyedByItsFirstInvoice() throws {
        let payment = try payment(CheckoutSessionFixtures.subscriptionMode)
        #expect(payment.paymentKey == "in_1SubFirst")
        #expect(payment.refundKeys == [])
        #expect(payment.amount == money(2000, "EUR"))
        #expect(payment.customerID == "cus_SubMode1")
        #expect(payment.customerEmail == "sub@example.com")
        #expect(payment.subscriptionID == "sub_1SubMode")
        #expect(payment.isRenewal == false)
        #expect(payment.couponCodes == ["LAUNCH10"])
        // Our metadata key wins over a client_reference_id the brand uses for its own cart id.
        #expect(payment.clickToken == "clk_from_metadata")
    }

    @Test func aClientReferenceThatIsNoClickTokenIsTheBrandsOwnID() throws {
        let cartOnly = CheckoutSessionFixtures.subscriptionMode.replacingOccurrences(of: #""rekomi_cid""#, with: #""other_key""#)
        #expect(try payment(cartOnly).clickToken == nil)
    }

    @Test func anExpandedPaymentIntentLendsItsMetadataAndIsARefundKeyOfTheSession() throws {
        let payment = try payment(CheckoutSessionFixtures.expandedPaymentIntent)
        #expect(payment.paymentKey == "pi_3Expanded")
        #expect(payment.clickToken == "clk_from_pi")
        #expect(payment.customerEmail == "pi@example.com")
        #expect(payment.customerID == nil)
        #expect(payment.amount == money(1500, "GBP"))
    }

    @Test func withoutInvoiceOrPaymentIntentTheSessionIsTheKey() throws {
        let json = CheckoutSessionFixtures.paymentMode().replacingOccurrences(of: #""payment_intent": "pi_3PayMode""#, with: #""payment_intent": null"#)
        #expect(try payment(json).paymentKey == "cs_test_a1PayMode")
    }

    @Test func theInvoiceKeysAPaymentAndItsPaymentIntentStaysARefundKey() throws {
        let json = CheckoutSessionFixtures.paymentMode().replacingOccurrences(of: #""invoice": null"#, with: #""invoice": "in_1PostPayment""#)
        let payment = try payment(json)
        #expect(payment.paymentKey == "in_1PostPayment")
        #expect(payment.refundKeys == ["pi_3PayMode"])
    }

    @Test func anAsyncPaymentThatSucceededIsAPayment() throws {
        let payment = try payment(CheckoutSessionFixtures.paymentMode(type: "checkout.session.async_payment_succeeded"))
        #expect(payment.paymentKey == "pi_3PayMode")
    }

    @Test func unpaidAndFreeOneOffCheckoutsAreIgnored() throws {
        let unpaid = try parse(CheckoutSessionFixtures.paymentMode(paymentStatus: "unpaid"))
        #expect(unpaid.event.fact == .ignored)
        #expect(unpaid.ignoredReason == "payment_not_completed")
        #expect(try parse(CheckoutSessionFixtures.paymentMode(amount: "0")).ignoredReason == "nothing_paid")
    }

    @Test func aFreeTrialStartsTheSubscriptionWithoutAPayment() throws {
        let free = try parse(CheckoutSessionFixtures.noPaymentRequired)
        guard case .subscriptionStarted(let trial) = free.event.fact else {
            Issue.record("not a subscription start: \(free.event.fact)")
            return
        }
        #expect(trial.subscriptionID == "sub_free" && trial.paymentKey == "in_free" && trial.amount.minorUnits == 0 && free.ignoredReason == nil)
    }

    @Test func anUnsupportedOrMissingCurrencyOrAmountIsIgnoredNotAnError() throws {
        #expect(try parse(CheckoutSessionFixtures.paymentMode(currency: #""xof""#)).ignoredReason == "unsupported_currency")
        #expect(try parse(CheckoutSessionFixtures.paymentMode(currency: "null")).ignoredReason == "amount_missing")
        #expect(try parse(CheckoutSessionFixtures.paymentMode(amount: "null")).ignoredReason == "amount_missing")
        #expect(try parse(CheckoutSessionFixtures.paymentMode(amount: "49.5")).ignoredReason == "amount_missing")
    }

    @Test func zeroDecimalCurrenciesKeepStripesAmount() throws {
        #expect(try payment(CheckoutSessionFixtures.paymentMode(amount: "5000", currency: #""jpy""#)).amount == money(5000, "JPY"))
    }
}
