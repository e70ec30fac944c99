import Contracts
import Foundation
import Kernel
@testable import StripeBilling
import Testing

@Suite struct InvoiceParsingTests {
    @Test func aRenewalInTheLegacyLayout() throws {
        let parsed = try parse(InvoiceFixtures.legacy())
        #expect(parsed.event.id == "evt_1LegacyPaid")
        #expect(parsed.event.occurredAt == Date(timeIntervalSince1970: 1_719_600_000))
        #expect(
            parsed.event.fact
                == .payment(
                    BillingPayment(
                        paymentKey: "in_1LegacyInvoice", refundKeys: ["pi_3LegacyIntent", "ch_3LegacyCharge"], amount: money(2900, "USD"),
                        customerID: "cus_Legacy1", customerEmail: "renewer@example.com", subscriptionID: "sub_1Legacy", isRenewal: true,
                        couponCodes: ["SPRING5", "promo_1Spring", "SPRINGJANE"], clickToken: "clk_legacy")))
    }

    @Test func aFirstInvoiceInTheBasilLayout() throws {
        let payment = try payment(InvoiceFixtures.basil())
        #expect(payment.paymentKey == "in_1BasilInvoice")
        #expect(payment.amount == money(4900, "CAD"))
        #expect(payment.subscriptionID == "sub_1Basil")
        #expect(payment.isRenewal == false)
        // `parent.subscription_details.metadata` comes before the invoice's own metadata.
        #expect(payment.clickToken == "clk_basil")
        // Discount ids name no code; the expanded discount does.
        #expect(payment.couponCodes == ["FALL15", "promo_1Fall"])
        #expect(payment.refundKeys == ["pi_3BasilIntent"])
        #expect(payment.customerEmail == "basil@example.com")
    }

    @Test func paidAndPaymentSucceededReadToTheSamePayment() throws {
        let layouts: [(String) -> String] = [{ InvoiceFixtures.legacy(type: $0) }, { InvoiceFixtures.basil(type: $0) }]
        for layout in layouts {
            let paid = try parse(layout("invoice.paid"))
            let succeeded = try parse(layout("invoice.payment_succeeded"))
            #expect(paid.event.id != succeeded.event.id)
            #expect(paid.event.fact == succeeded.event.fact)
        }
    }

    @Test func onlySubscriptionCycleIsARenewal() throws {
        for reason in ["subscription_create", "subscription_update", "manual", "subscription_threshold"] {
            #expect(try payment(InvoiceFixtures.legacy(billingReason: reason)).isRenewal == false, "\(reason)")
        }
        #expect(try payment(InvoiceFixtures.basil(billingReason: "subscription_cycle")).isRenewal)
    }

    @Test func withoutATokenUnderParentTheInvoiceMetadataIsNext() throws {
        let json = InvoiceFixtures.basil().replacingOccurrences(of: #""agentref_cid": "clk_basil""#, with: #""note": "none""#)
        #expect(try payment(json).clickToken == "clk_invoice_metadata")
    }

    @Test func aTrialInvoiceIsIgnored() throws {
        let parsed = try parse(InvoiceFixtures.legacy(billingReason: "subscription_create", amountPaid: 0))
        #expect(parsed.event.fact == .ignored)
        #expect(parsed.ignoredReason == "nothing_paid")
    }

    @Test func aPartlyPaidInvoiceIsNotYetAPayment() throws {
        #expect(try parse(InvoiceFixtures.basilPartlyPaid).ignoredReason == "payment_not_completed")
        #expect(try parse(InvoiceFixtures.legacy(status: "open")).ignoredReason == "payment_not_completed")
    }
}
