public import Foundation
public import Kernel

/// The brand changed the currency its dashboards are normalized to.
public struct HomeCurrencyChanged: DomainEvent {
    public static let name = "org.home_currency_changed"
    public let tenant: TenantID
    public let from: Currency
    public let to: Currency
    public let at: Date

    public init(tenant: TenantID, from: Currency, to: Currency, at: Date) {
        self.tenant = tenant
        self.from = from
        self.to = to
        self.at = at
    }
}
