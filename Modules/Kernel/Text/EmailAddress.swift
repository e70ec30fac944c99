/// Email addresses as Vouch accepts them: one `@`, a dotted domain, no white space; stored lowercased.
public enum EmailAddress {
    public static func normalized(_ value: String, field: String) throws(DomainError) -> String {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !value.contains(where: \.isWhitespace), value.count <= 254
        else { throw DomainError.validation(field, "\(field) must be an email address") }
        return value.lowercased()
    }
}
