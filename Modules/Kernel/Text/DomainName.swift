/// Host names such as `yourapp.com` or `booking.mirai.com`: a pasted URL is reduced to its lowercased host.
public enum DomainName {
    public static func normalized(_ value: String, field: String) throws(DomainError) -> String {
        var host = value.trimmingWhitespace().lowercased()
        if let scheme = host.firstRange(of: "://") { host = String(host[scheme.upperBound...]) }
        if let end = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = String(host[..<end]) }
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        while host.hasSuffix(".") { host.removeLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let validLabel: (Substring) -> Bool = { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
        guard host.count <= 253, labels.allSatisfy(validLabel), labels.count >= 2 || host == "localhost" else {
            throw DomainError.validation(field, "\(field) must be a domain name such as yourbrand.com")
        }
        return host
    }
}
