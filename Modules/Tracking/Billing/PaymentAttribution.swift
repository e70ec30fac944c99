import Contracts
import Foundation
import Kernel

/// Who earns on a payment, and why. Decided before the write from what the payment carries, in this order:
/// 1. a renewal goes where its subscription's first payment went;
/// 2. the affiliate's coupon or promotion code, when one was redeemed;
/// 3. on a FirstTouch program, the affiliate of the customer's first attributed sale;
/// 4. the click token (`client_reference_id` or metadata), when the click is inside the program's cookie window;
/// 5. the affiliate of the customer's earlier attributed sale;
/// 6. a lead with the customer's email, recorded inside the cookie window.
struct PaymentAttribution {
    let affiliate: AffiliateSummary
    let program: ProgramSummary
    let method: AttributionMethod
    let couponCode: String?
    let clickID: ClickID?
}

/// The lookups attribution needs: the tenant's directories and its own clicks, leads, subscriptions and customers.
struct PaymentAttributor {
    let database: Database
    let programs: any ProgramDirectory
    let affiliates: any AffiliateDirectory
    let clicks: ClickService
    let ledger: ConversionLedger

    /// The attribution, or why there is none (a reason for the webhook's answer).
    func attribute(_ payment: BillingPayment, tenant: TenantID, at: Date) throws -> Result<PaymentAttribution, AttributionFailure> {
        let (subscription, customer) = try database.read { store in
            (
                try payment.subscriptionID.flatMap { try store.get(.records, ConversionKeys.subscriptions(tenant).key($0)) }
                    .map { try RecordCoding.decode(SubscriptionAttribution.self, from: $0) },
                try payment.customerID.flatMap { try store.get(.records, ConversionKeys.customers(tenant).key($0)) }
                    .map { try RecordCoding.decode(CustomerAttribution.self, from: $0) }
            )
        }
        let candidates: [() throws -> PaymentAttribution?] = [
            { try subscription.flatMap { try self.make(tenant, $0.affiliateID, $0.method, coupon: $0.couponCode, click: $0.clickID) } },
            { try self.byCoupon(payment, tenant) },
            { try customer.flatMap { try self.byCustomer($0, tenant, onlyFirstTouch: true) } },
            { try self.byClick(payment, tenant, at: at) },
            { try customer.flatMap { try self.byCustomer($0, tenant, onlyFirstTouch: false) } },
            { try self.byLead(payment, tenant, at: at) },
        ]
        for candidate in candidates {
            guard let attribution = try candidate() else { continue }
            guard attribution.affiliate.status == .approved else { return .failure(.affiliateNotApproved) }
            guard attribution.program.isOpen else { return .failure(.programInactive) }
            return .success(attribution)
        }
        return .failure(.noReferral)
    }

    private func byCoupon(_ payment: BillingPayment, _ tenant: TenantID) throws -> PaymentAttribution? {
        for code in payment.couponCodes {
            if let affiliate = try affiliates.affiliateSummary(tenant, coupon: code) {
                return try make(tenant, affiliate, .coupon, coupon: code, click: nil)
            }
        }
        return nil
    }

    private func byCustomer(_ customer: CustomerAttribution, _ tenant: TenantID, onlyFirstTouch: Bool) throws -> PaymentAttribution? {
        guard let attribution = try make(tenant, customer.affiliateID, .metadataOrCustomer, coupon: nil, click: customer.clickID) else { return nil }
        return !onlyFirstTouch || attribution.program.attributionModel == .firstTouch ? attribution : nil
    }

    private func byClick(_ payment: BillingPayment, _ tenant: TenantID, at: Date) throws -> PaymentAttribution? {
        guard let token = payment.clickToken, let click = try clicks.click(token: token, of: tenant),
            let attribution = try make(tenant, click.affiliateID, .metadataOrCustomer, coupon: nil, click: click.id)
        else { return nil }
        return attribution.program.isWithinCookieWindow(from: click.at, to: at) ? attribution : nil
    }

    private func byLead(_ payment: BillingPayment, _ tenant: TenantID, at: Date) throws -> PaymentAttribution? {
        guard let email = payment.customerEmail, let lead = try ledger.lead(tenant, email: email),
            let attribution = try make(tenant, lead.affiliateID, .emailMatch, coupon: nil, click: nil)
        else { return nil }
        return attribution.program.isWithinCookieWindow(from: lead.createdAt, to: at) ? attribution : nil
    }

    private func make(
        _ tenant: TenantID, _ id: AffiliateID, _ method: AttributionMethod, coupon: String?, click: ClickID?
    ) throws -> PaymentAttribution? {
        guard let affiliate = try affiliates.affiliateSummary(tenant, id) else { return nil }
        return try make(tenant, affiliate, method, coupon: coupon, click: click)
    }

    private func make(
        _ tenant: TenantID, _ affiliate: AffiliateSummary, _ method: AttributionMethod, coupon: String?, click: ClickID?
    ) throws -> PaymentAttribution? {
        guard let program = try programs.programSummary(tenant, affiliate.programID) else { return nil }
        return PaymentAttribution(affiliate: affiliate, program: program, method: method, couponCode: coupon, clickID: click)
    }
}

/// Why a payment earns no one a commission.
enum AttributionFailure: String, Error {
    case noReferral = "no_referral"
    case affiliateNotApproved = "affiliate_not_approved"
    case programInactive = "program_inactive"
}
