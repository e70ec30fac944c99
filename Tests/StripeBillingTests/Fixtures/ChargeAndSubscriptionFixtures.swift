/// `charge.refunded` before and after basil (which removed `charge.invoice`), and `customer.subscription.deleted`.
enum ChargeAndSubscriptionFixtures {
    static func refunded(amountRefunded: Int, invoice: String? = "in_1LegacyInvoice", currency: String = "usd") -> String {
        #"""
        {
          "id": "evt_1Refund\#(amountRefunded)",
          "object": "event",
          "api_version": "2023-10-16",
          "created": 1719700000,
          "data": {
            "object": {
              "id": "ch_3LegacyCharge",
              "object": "charge",
              "amount": 2900,
              "amount_captured": 2900,
              "amount_refunded": \#(amountRefunded),
              "captured": true,
              "currency": "\#(currency)",
              "customer": "cus_Legacy1",
              \#(invoice.map { "\"invoice\": \"\($0)\"," } ?? "")
              "metadata": {"rekomi_cid": "clk_legacy"},
              "paid": true,
              "payment_intent": "pi_3LegacyIntent",
              "refunded": \#(amountRefunded == 2900),
              "status": "succeeded"
            },
            "previous_attributes": {"amount_refunded": 0, "refunded": false}
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_refund", "idempotency_key": "c0a1"},
          "type": "charge.refunded"
        }
        """#
    }

    static let subscriptionDeleted = #"""
        {
          "id": "evt_1SubDeleted",
          "object": "event",
          "api_version": "2025-03-31.basil",
          "created": 1722300000,
          "data": {
            "object": {
              "id": "sub_1Basil",
              "object": "subscription",
              "cancel_at_period_end": false,
              "canceled_at": 1722300000,
              "cancellation_details": {"comment": null, "feedback": "too_expensive", "reason": "cancellation_requested"},
              "customer": "cus_Basil1",
              "ended_at": 1722300000,
              "items": {"object": "list", "data": [{"id": "si_1", "current_period_start": 1719700000, "current_period_end": 1722300000, "quantity": 1}]},
              "latest_invoice": "in_1BasilInvoice",
              "metadata": {"agentref_cid": "clk_basil"},
              "status": "canceled"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "customer.subscription.deleted"
        }
        """#

    static let customerCreated = #"""
        {"id": "evt_1Customer", "object": "event", "created": 1717000000, "type": "customer.created",
         "data": {"object": {"id": "cus_New", "object": "customer", "email": "new@example.com", "metadata": {}}}}
        """#
}
