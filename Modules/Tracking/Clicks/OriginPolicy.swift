import Contracts
import Kernel

/// Click and verify calls are anonymous, so the calling page must prove it is the brand's: its Origin (or, lacking
/// one, its Referer) host must be the program's website domain or a subdomain of it.
enum OriginPolicy {
    static func requireAllowed(origin: String?, referer: String?, program: ProgramSummary) throws(DomainError) {
        guard let domain = program.websiteDomain else {
            throw DomainError(
                .forbidden, "website_domain_not_configured", "The program has no websiteDomain; set it before tracking clicks")
        }
        let claimed = origin.flatMap { $0 == "null" ? nil : $0 } ?? referer
        guard let claimed else {
            throw DomainError(.forbidden, "origin_required", "Send an Origin or Referer header of the program's website")
        }
        guard let host = LandingURL.host(of: claimed), isWithin(host, domain) else {
            throw DomainError(.forbidden, "origin_not_allowed", "Requests must come from \(domain) or one of its subdomains")
        }
    }

    static func isWithin(_ host: String, _ domain: String) -> Bool {
        if let within = visibleASCIIWithin(host, domain) { return within }
        return host == domain || (host.hasSuffix(domain) && host.dropLast(domain.count).hasSuffix("."))
    }

    /// `isWithin` byte by byte, which is the same test when both are visible ASCII (every character one byte), as
    /// hosts and domains nearly always are: String's suffix test compares characters and cost thousands of
    /// instructions a click. `nil` for anything else.
    private static func visibleASCIIWithin(_ host: String, _ domain: String) -> Bool? {
        var host = host, domain = domain
        return host.withUTF8 { host in
            domain.withUTF8 { domain in
                let visible = { (byte: UInt8) in (0x21...0x7E).contains(byte) }
                guard host.allSatisfy(visible), domain.allSatisfy(visible) else { return nil }
                guard host.count >= domain.count, host.suffix(domain.count).elementsEqual(domain) else { return false }
                return host.count == domain.count || host[host.count - domain.count - 1] == UInt8(ascii: ".")
            }
        }
    }
}
