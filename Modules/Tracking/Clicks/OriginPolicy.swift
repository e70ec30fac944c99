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
        host == domain || (host.hasSuffix(domain) && host.dropLast(domain.count).hasSuffix("."))
    }
}
