/// Fills `{{name}}` merge tags into sanitized HTML. Values are HTML-escaped as they go in, and tags are filled after
/// sanitizing, so a value can never smuggle markup. Unknown tags are left as written.
public enum MergeTags {
    public static func render(_ sanitizedHTML: String, values: [String: String]) -> String {
        var output = ""
        var rest = Substring(sanitizedHTML)
        while let open = rest.firstRange(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            output += values[name].map(HTMLSanitizer.escape) ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
