import Foundation
import Kernel

/// Shapes of program fields.
enum ProgramValidation {
    /// `[a-z0-9-]`, 1-64 characters, no leading or trailing hyphen.
    static func slug(_ value: String) throws(DomainError) -> String {
        guard Slug.isWellFormed(value, lengths: 1...64) else {
            throw DomainError.validation("slug", "slug must be 1-64 characters of a-z, 0-9 and '-', not starting or ending with '-'")
        }
        return value
    }

    /// A slug made from a name: `Holiday Promo 2026!` → `holiday-promo-2026`.
    static func slug(fromName name: String) -> String {
        let slug = Slug.make(from: name, maxLength: 56)
        return slug.isEmpty ? "program" : slug
    }

    static func url(_ value: String, field: String) throws(DomainError) -> String {
        guard let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
            throw DomainError.validation(field, "\(field) must be an absolute http(s) URL")
        }
        return value
    }

    /// A decimal with at most two places, as hundredths.
    static func hundredths(_ value: Double, field: String) throws(DomainError) -> Int64 {
        let scaled = (value * 100).rounded()
        guard abs(value * 100 - scaled) < 1e-6 else {
            throw DomainError.validation(field, "\(field) must have at most 2 decimal places")
        }
        return Int64(scaled)
    }
}
