/// URL-safe identifiers: `a-z`, `0-9` and `-`, not starting or ending with `-`.
public enum Slug {
    public static func isWellFormed(_ value: String, lengths: ClosedRange<Int>) -> Bool {
        let bytes = Array(value.utf8)
        return lengths.contains(bytes.count) && bytes.first != 45 && bytes.last != 45
            && bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// A slug made from free text: `Holiday Promo 2026!` → `holiday-promo-2026`; empty when nothing is left.
    public static func make(from text: String, maxLength: Int) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        slug = String(slug.prefix(maxLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}
