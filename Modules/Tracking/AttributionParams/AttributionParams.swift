public import Kernel

/// The query parameters that carry a referral code. The 16 conventions of the major platforms are always
/// recognized; a brand may put up to 10 of its own in front of them.
public enum AttributionParams {
    /// The spec's canonical defaults, in its order.
    public static let defaults = [
        "via", "ref", "fpr", "aff", "rfsn", "a_aid", "awc", "sscid", "cjevent", "irclickid", "partner_key", "affid", "affiliate_id",
        "affcode", "idev", "mbsy",
    ]
    /// Short aliases the server-side click API also reads (spec/002), after the defaults.
    public static let aliases = ["r", "a"]
    public static let maxCustomEntries = 10
    public static let maxTotalChars = 256
    public static let paramLengths = 2...32

    /// The order without custom params: what the pixel reads, before it knows the tenant.
    public static let defaultOrder = effectiveOrder(custom: [])

    /// The order in which the tracker looks for a code: custom params first, then defaults, then aliases, each once.
    public static func effectiveOrder(custom: [String]) -> [String] {
        var seen: Set<String> = []
        return (custom + defaults + aliases).filter { seen.insert($0).inserted }
    }

    /// Parses a `custom` setting: comma-separated, trimmed, empty entries dropped, `nil` or "" to clear.
    public static func parse(_ raw: String?) throws(DomainError) -> [String] {
        guard let raw, !raw.isEmpty else { return [] }
        guard raw.count <= maxTotalChars else {
            throw DomainError(.badRequest, "attribution_params_too_long", "custom must be at most \(maxTotalChars) characters", field: "custom")
        }
        var entries: [String] = []
        for entry in raw.split(separator: ",").map({ String($0).trimmingWhitespace() }) where !entry.isEmpty && !entries.contains(entry) {
            entries.append(entry)
        }
        guard entries.count <= maxCustomEntries else {
            throw DomainError(.badRequest, "too_many_attribution_params", "At most \(maxCustomEntries) custom params", field: "custom")
        }
        let invalid = entries.filter { !isValid($0) }
        guard invalid.isEmpty else {
            throw DomainError(
                .badRequest, "invalid_attribution_param", "Params must match [a-z0-9_-]{2,32}", field: "custom",
                extra: [("invalid", .array(invalid.map(JSONValue.string)))])
        }
        return entries
    }

    static func isValid(_ param: String) -> Bool {
        paramLengths.contains(param.utf8.count)
            && param.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 45 }
    }
}
