import Foundation
import Kernel

/// Shapes of the values an organization profile holds.
enum ProfileValidation {
    static let reservedHandles: Set<String> = ["admin", "api", "app", "www", "static", "assets", "healthz", "readyz", "metrics"]

    static func handle(_ value: String) throws(DomainError) -> String {
        guard Slug.isWellFormed(value, lengths: 2...63) else {
            throw DomainError.validation("handle", "handle must be 2-63 characters of a-z, 0-9 and '-', not starting or ending with '-'")
        }
        guard !reservedHandles.contains(value) else { throw DomainError.validation("handle", "handle '\(value)' is reserved") }
        return value
    }

    static func timezone(_ value: String) throws(DomainError) -> String {
        guard TimeZone(identifier: value) != nil else {
            throw DomainError.validation("timezone", "timezone must be an IANA time zone such as Europe/Paris")
        }
        return value
    }

    static func color(_ value: String) throws(DomainError) -> String {
        let hex = value.dropFirst()
        guard value.hasPrefix("#"), hex.count == 6, hex.allSatisfy(\.isHexDigit) else {
            throw DomainError.validation("primaryBrandColor", "primaryBrandColor must look like #3B0764")
        }
        return value.uppercased()
    }

    static func url(_ value: String, field: String) throws(DomainError) -> String {
        guard let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
            throw DomainError.validation(field, "\(field) must be an absolute http(s) URL")
        }
        return value
    }
}
