/// Invoice events in the two layouts an endpoint may receive: before basil (`2023-10-16`: `subscription`,
/// `subscription_details`, `payment_intent`, `charge`, `discount`) and from `2025-03-31.basil` on (`parent`,
/// `payments`, `discounts` as ids).
enum InvoiceFixtures {
    static func legacy(
        type: String = "invoice.paid", billingReason: String = "subscription_cycle", amountPaid: Int = 2900, status: String = "paid"
    ) -> String {
        #"""
        {
          "id": "evt_1Legacy\#(type == "invoice.paid" ? "Paid" : "Succeeded")",
          "object": "event",
          "api_version": "2023-10-16",
          "created": 1719600000,
          "data": {
            "object": {
              "id": "in_1LegacyInvoice",
              "object": "invoice",
              "amount_due": 2900,
              "amount_paid": \#(amountPaid),
              "amount_remaining": 0,
              "billing_reason": "\#(billingReason)",
              "charge": "ch_3LegacyCharge",
              "currency": "usd",
              "customer": "cus_Legacy1",
              "customer_email": "renewer@example.com",
              "discount": {
                "id": "di_1Legacy", "object": "discount",
                "coupon": {"id": "SPRING5", "object": "coupon", "amount_off": 500, "currency": "usd"},
                "promotion_code": {"id": "promo_1Spring", "object": "promotion_code", "code": "SPRINGJANE"}
              },
              "discounts": ["di_1Legacy"],
              "lines": {"object": "list", "data": [{"id": "il_1", "object": "line_item", "amount": 3400, "subscription": "sub_1Legacy"}], "has_more": false},
              "metadata": {},
              "paid": true,
              "payment_intent": "pi_3LegacyIntent",
              "status": "\#(status)",
              "subscription": "sub_1Legacy",
              "subscription_details": {"metadata": {"rekomi_cid": "clk_legacy"}},
              "total": 2900
            }
          },
          "livemode": false,
          "pending_webhooks": 2,
          "request": {"id": null, "idempotency_key": null},
          "type": "\#(type)"
        }
        """#
    }

    static func basil(type: String = "invoice.paid", billingReason: String = "subscription_create", amountPaid: Int = 4900) -> String {
        #"""
        {
          "id": "evt_1Basil\#(type == "invoice.paid" ? "Paid" : "Succeeded")",
          "object": "event",
          "api_version": "2025-03-31.basil",
          "created": 1743500000,
          "data": {
            "object": {
              "id": "in_1BasilInvoice",
              "object": "invoice",
              "amount_due": 4900,
              "amount_paid": \#(amountPaid),
              "amount_remaining": 0,
              "billing_reason": "\#(billingReason)",
              "currency": "cad",
              "customer": "cus_Basil1",
              "customer_email": "basil@example.com",
              "discounts": [
                "di_1BasilPlain",
                {"id": "di_1BasilExpanded", "object": "discount", "coupon": {"id": "FALL15", "object": "coupon"}, "promotion_code": "promo_1Fall"}
              ],
              "lines": {"object": "list", "data": [{"id": "il_2", "object": "line_item", "amount": 4900}], "has_more": false},
              "metadata": {"rekomi_cid": "clk_invoice_metadata"},
              "parent": {
                "type": "subscription_details",
                "quote_details": null,
                "subscription_details": {"metadata": {"agentref_cid": "clk_basil"}, "subscription": "sub_1Basil"}
              },
              "payments": {
                "object": "list",
                "data": [
                  {"id": "inpay_1", "object": "invoice_payment", "amount_paid": 4900, "currency": "cad", "invoice": "in_1BasilInvoice", "is_default": true, "status": "paid",
                   "payment": {"type": "payment_intent", "payment_intent": "pi_3BasilIntent"}}
                ],
                "has_more": false
              },
              "status": "paid",
              "total": 4900
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_1", "idempotency_key": null},
          "type": "\#(type)"
        }
        """#
    }

    /// A basil invoice partly paid: `invoice.payment_succeeded` for one of several payments.
    static let basilPartlyPaid = #"""
        {"id": "evt_1Partial", "object": "event", "created": 1743500100, "type": "invoice.payment_succeeded",
         "data": {"object": {"id": "in_1Partial", "object": "invoice", "amount_paid": 1000, "amount_due": 4900, "currency": "usd", "status": "open"}}}
        """#
}
