public import Contracts
import HTTPTypes

/// Where a visitor is: a trusted proxy's country header when the operator names one (`VOUCH_COUNTRY_HEADER`), else
/// the MaxMind database (`VOUCH_GEOIP_DB`), else unknown.
public struct CountryResolver: Sendable {
    /// The header to trust, e.g. `CF-IPCountry`; only set behind a proxy that overwrites it.
    let header: HTTPField.Name?
    let lookup: (any CountryLookup)?

    public init(headerName: String?, lookup: (any CountryLookup)?) {
        header = headerName.flatMap { HTTPField.Name($0) }
        self.lookup = lookup
    }

    public func country(header: String?, address: String) -> String? {
        if let code = header.flatMap(Self.normalized) { return code }
        return lookup?.country(forAddress: address).flatMap(Self.normalized)
    }

    /// Two ASCII letters, uppercased; a proxy's placeholder for "unknown" (`XX`) is not a country.
    static func normalized(_ code: String) -> String? {
        let upper = code.uppercased()
        guard upper.utf8.count == 2, upper.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }), upper != "XX" else { return nil }
        return upper
    }
}
