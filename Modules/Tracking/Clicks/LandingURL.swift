import Foundation
import Contracts

/// The parts of a landing-page URL tracking reads: its host and query parameters. A small parser rather than
/// Foundation's URLComponents, because it runs on every click.
struct LandingURL {
    let host: String?
    /// Decoded name/value pairs in order; a name may repeat.
    let query: [(name: String, value: String)]

    init(_ url: String) {
        let withoutFragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        host = Self.host(of: parts[0])
        query = parts.count < 2 ? [] : parts[1].split(separator: "&").compactMap { pair in
            let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(nameAndValue[0]), !name.isEmpty else { return nil }
            return (name, nameAndValue.count > 1 ? Self.decode(nameAndValue[1]) ?? "" : "")
        }
    }

    func value(_ name: String) -> String? {
        query.first { $0.name == name && !$0.value.isEmpty }?.value
    }

    var utm: UTMParameters {
        UTMParameters(
            source: value("utm_source"), medium: value("utm_medium"), campaign: value("utm_campaign"), term: value("utm_term"),
            content: value("utm_content"))
    }

    /// The URL with its query and fragment removed: what is kept of a landing page without consent.
    static func withoutQuery(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }

    /// The lowercased host of an absolute http(s) URL, without port or credentials.
    static func host(of url: some StringProtocol) -> String? {
        let lower = url.lowercased()
        guard let schemeEnd = lower.range(of: "://"), ["http", "https"].contains(lower[..<schemeEnd.lowerBound]) else { return nil }
        var authority = lower[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host = authority.prefix { $0 != ":" }
        return host.isEmpty ? nil : String(host)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
