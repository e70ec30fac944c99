/// An ISO-4217 currency code. Only codes on the supported allowlist can be constructed from client input.
public struct Currency: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard Currency.supportedCodes.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public static let usd = Currency(rawValue: "USD")!

    /// The allowlist of the Settings part of the spec, in its order.
    public static let supportedCodes: [String] = [
        "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "IDR", "ILS", "INR", "JPY",
        "KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SAR", "SEK", "SGD", "THB", "TRY", "USD", "ZAR",
    ]

    /// Digits after the decimal point in the currency's minor unit.
    public var minorUnitDigits: Int { ["JPY", "KRW"].contains(rawValue) ? 0 : 2 }

    public var description: String { rawValue }
    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Currency {
    /// A client-supplied code: 400 `unsupported_currency` naming `field` unless it is on the allowlist.
    public static func parse(_ value: String, field: String) throws(DomainError) -> Currency {
        guard let currency = Currency(rawValue: value) else {
            throw DomainError(.badRequest, "unsupported_currency", "\(value) is not a supported currency", field: field)
        }
        return currency
    }
}
