import Foundation
public import Kernel
import Synchronization

/// The operator's rates table (`VOUCH_FX_RATES`), read again whenever the file changes:
///
///     { "base": "USD", "rates": { "EUR": 0.92, "GBP": 0.79, "JPY": 151.2 } }
///
/// Each rate is how many units of that currency one unit of `base` buys. A file that cannot be read or parsed keeps
/// the last good table, and the problem is logged once per change.
public final class ExchangeRateFile: ExchangeRateSource {
    private struct Loaded {
        var modified: Date?
        var rates = ExchangeRates.none
    }

    private let path: String
    private let onError: @Sendable (String) -> Void
    private let loaded = Mutex(Loaded())

    public init(path: String, onError: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.onError = onError
        _ = current()
    }

    public func current() -> ExchangeRates {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        return loaded.withLock { state in
            guard modified != state.modified else { return state.rates }
            state.modified = modified
            do {
                state.rates = try Self.parse(Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                onError("exchange rates \(path) not loaded: \(error)")
            }
            return state.rates
        }
    }

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ data: Data) throws -> ExchangeRates {
        let document = try JSONValue.parse(data)
        guard let baseCode = document["base"]?.stringValue, let base = Currency(rawValue: baseCode) else {
            throw FormatError(description: "\"base\" must be a supported currency code")
        }
        guard case .object(let members) = document["rates"] else { throw FormatError(description: "\"rates\" must be an object") }
        var rates: [Currency: Decimal] = [base: 1]
        for (code, value) in members {
            guard let currency = Currency(rawValue: code) else { throw FormatError(description: "\(code) is not a supported currency") }
            let rate: Decimal? =
                switch value {
                case .int(let number): Decimal(number)
                case .double(let number): Decimal(string: "\(number)")
                case .string(let text): Decimal(string: text)
                default: nil
                }
            guard let rate, rate > 0 else { throw FormatError(description: "the rate of \(code) must be a positive number") }
            rates[currency] = rate
        }
        return ExchangeRates(rates: rates)
    }
}
