import Kernel

/// Link slugs and custom aliases: the codes in affiliates' public URLs. One namespace across all tenants, so a code
/// always names one link.
enum ReferralCode {
    /// Words a code may not be: paths of Vouch and of typical storefronts, and words that read as system pages.
    static let reserved: Set<String> = [
        "api", "admin", "app", "www", "static", "assets", "login", "logout", "signup", "register", "dashboard", "help",
        "support", "docs", "blog", "track", "tracking", "healthz", "readyz", "metrics", "openapi", "settings", "account",
        "billing", "null", "undefined", "vouch", "rekomi", "affiliate", "affiliates", "invite", "invites", "apply",
    ]

    /// A client-chosen code: 3-64 of `a-z0-9-`, no leading or trailing hyphen (400 on `field`), not reserved
    /// (400 `slug_reserved`).
    static func validated(_ value: String, field: String) throws(DomainError) -> String {
        guard Slug.isWellFormed(value, lengths: 3...64) else {
            throw DomainError.validation(field, "\(field) must be 3-64 characters of a-z, 0-9 and '-', not starting or ending with '-'")
        }
        guard !reserved.contains(value) else {
            throw DomainError(.badRequest, "slug_reserved", "'\(value)' is reserved", field: field)
        }
        return value
    }

    /// A readable code for a new link: the affiliate's name (or the email's local part) and four random characters.
    static func generate(name: String?, email: String) -> String {
        var base = Slug.make(from: name ?? "", maxLength: 40)
        if base.count < 3 { base = Slug.make(from: String(email.prefix { $0 != "@" }), maxLength: 40) }
        if base.count < 3 { base = "ref" }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return base + "-" + String((0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] })
    }
}
