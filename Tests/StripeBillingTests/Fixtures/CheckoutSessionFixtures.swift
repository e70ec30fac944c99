/// Checkout Session events as Stripe sends them (trimmed to the fields the adapter reads plus some it must ignore).
enum CheckoutSessionFixtures {
    /// A one-off payment: payment intent, client_reference_id, a promotion code expanded by the endpoint.
    static func paymentMode(
        type: String = "checkout.session.completed", paymentStatus: String = "paid", amount: String = "4900", currency: String = "\"usd\""
    ) -> String {
        #"""
        {
          "id": "evt_1PcheckoutPay",
          "object": "event",
          "api_version": "2023-10-16",
          "created": 1717000000,
          "data": {
            "object": {
              "id": "cs_test_a1PayMode",
              "object": "checkout.session",
              "amount_subtotal": 5900,
              "amount_total": \#(amount),
              "client_reference_id": "clk_from_reference",
              "currency": \#(currency),
              "customer": "cus_PayMode1",
              "customer_details": {"email": "buyer@example.com", "name": "Buyer", "address": null},
              "customer_email": null,
              "discounts": [
                {"coupon": null, "promotion_code": {"id": "promo_1Jane", "object": "promotion_code", "code": "JANE20", "coupon": {"id": "Z4OV52SU"}}}
              ],
              "invoice": null,
              "livemode": false,
              "metadata": {"order": "1234"},
              "mode": "payment",
              "payment_intent": "pi_3PayMode",
              "payment_status": "\#(paymentStatus)",
              "status": "complete",
              "subscription": null,
              "total_details": {
                "amount_discount": 1000,
                "amount_shipping": 0,
                "amount_tax": 0,
                "breakdown": {
                  "discounts": [
                    {"amount": 1000, "discount": {"id": "di_1Pay", "object": "discount", "coupon": {"id": "Z4OV52SU", "object": "coupon", "percent_off": 20}, "promotion_code": "promo_1Jane"}}
                  ],
                  "taxes": []
                }
              }
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "\#(type)"
        }
        """#
    }

    /// A subscription sign-up: the session names its first invoice and subscription; the token rides in metadata.
    static let subscriptionMode = #"""
        {
          "id": "evt_1PcheckoutSub",
          "object": "event",
          "api_version": "2025-03-31.basil",
          "created": 1717000100,
          "data": {
            "object": {
              "id": "cs_test_b1SubMode",
              "object": "checkout.session",
              "amount_total": 2000,
              "client_reference_id": "brand-cart-778",
              "currency": "eur",
              "customer": {"id": "cus_SubMode1", "object": "customer", "email": "sub@example.com"},
              "customer_details": null,
              "customer_email": "sub@example.com",
              "discounts": [{"coupon": "LAUNCH10", "promotion_code": null}],
              "invoice": "in_1SubFirst",
              "metadata": {"rekomi_cid": "clk_from_metadata"},
              "mode": "subscription",
              "payment_intent": null,
              "payment_status": "paid",
              "status": "complete",
              "subscription": "sub_1SubMode",
              "total_details": {"amount_discount": 200, "amount_shipping": 0, "amount_tax": 0}
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "checkout.session.completed"
        }
        """#

    /// A session whose token was set on `payment_intent_data.metadata` under AgentRef's key, with the payment intent
    /// expanded, and neither a client reference nor an invoice.
    static let expandedPaymentIntent = #"""
        {
          "id": "evt_1PcheckoutPi", "object": "event", "created": 1717000200, "type": "checkout.session.completed",
          "data": {"object": {
            "id": "cs_test_c1", "object": "checkout.session", "amount_total": 1500, "currency": "gbp",
            "client_reference_id": null, "customer": null, "customer_details": {"email": null}, "customer_email": "pi@example.com",
            "invoice": null, "metadata": {}, "mode": "payment", "payment_status": "paid",
            "payment_intent": {"id": "pi_3Expanded", "object": "payment_intent", "metadata": {"agentref_cid": "clk_from_pi"}},
            "subscription": null
          }}
        }
        """#

    /// A free checkout (a trial, a 100% coupon).
    static let noPaymentRequired = #"""
        {"id": "evt_1Free", "object": "event", "created": 1717000300, "type": "checkout.session.completed",
         "data": {"object": {"id": "cs_test_free", "object": "checkout.session", "amount_total": 0, "currency": "usd",
           "payment_status": "no_payment_required", "mode": "subscription", "subscription": "sub_free", "invoice": "in_free"}}}
        """#
}
