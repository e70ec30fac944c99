import Foundation
import Contracts

/// The parts of a landing-page URL tracking reads: its host and query parameters. A small parser over the URL's
/// UTF-8 rather than Foundation's URLComponents or string searches, because it runs on every click. The delimiters
/// are ASCII, so they are found byte by byte, which is how browsers read URLs too (by code point).
struct LandingURL {
    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    let host: String?
    /// Decoded name/value pairs in order; a name may repeat.
    let query: [(name: String, value: String)]

    init(_ url: String) {
        var url = url
        (host, query) = url.withUTF8 { whole in
            let url = whole[..<(whole.firstIndex(of: UInt8(ascii: "#")) ?? whole.endIndex)]
            let questionMark = url.firstIndex(of: UInt8(ascii: "?"))
            let host = Self.host(in: url[..<(questionMark ?? url.endIndex)])
            guard let questionMark else { return (host, []) }
            // One pass into one array sized for a typical query, rather than `split` and `compactMap` growing two
            // arrays a few times each.
            var query: [(name: String, value: String)] = []
            query.reserveCapacity(8)
            var rest = url[(questionMark + 1)...]
            while !rest.isEmpty {
                let ampersand = rest.firstIndex(of: UInt8(ascii: "&")) ?? rest.endIndex
                let pair = rest[..<ampersand]
                rest = rest[(ampersand == rest.endIndex ? ampersand : ampersand + 1)...]
                let equals = pair.firstIndex(of: UInt8(ascii: "="))
                guard let name = Self.decode(pair[..<(equals ?? pair.endIndex)]), !name.isEmpty else { continue }
                query.append((name, equals.map { Self.decode(pair[($0 + 1)...]) ?? "" } ?? ""))
            }
            return (host, query)
        }
    }

    func value(_ name: String) -> String? {
        query.first { $0.name == name && !$0.value.isEmpty }?.value
    }

    var utm: UTMParameters {
        UTMParameters(
            source: value("utm_source"), medium: value("utm_medium"), campaign: value("utm_campaign"), term: value("utm_term"),
            content: value("utm_content"))
    }

    /// The URL with its query and fragment removed: what is kept of a landing page without consent.
    static func withoutQuery(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }

    /// The lowercased host of an absolute http(s) URL, without port or credentials.
    static func host(of url: String) -> String? {
        var url = url
        return url.withUTF8 { host(in: $0[...]) }
    }

    private static func host(in url: Bytes) -> String? {
        var schemeEnd = url.startIndex
        while schemeEnd + 2 < url.endIndex, !(url[schemeEnd] == colon && url[schemeEnd + 1] == slash && url[schemeEnd + 2] == slash) {
            schemeEnd += 1
        }
        guard schemeEnd + 2 < url.endIndex, isHTTP(url[..<schemeEnd]) else { return nil }
        var authority = url[(schemeEnd + 3)...].prefix { $0 != slash && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        // An IPv6 literal keeps its brackets, which hold colons of its own; any other host ends at the port.
        let host: Bytes
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            host = authority[...close]
        } else {
            host = authority.prefix { $0 != colon }
        }
        guard !host.isEmpty else { return nil }
        guard host.allSatisfy({ $0 < 0x80 }) else { return String(decoding: host, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: host.count) { out in
            for (offset, byte) in host.enumerated() { out[offset] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
            return host.count
        }
    }

    private static let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")

    /// `http` or `https` in any case.
    private static func isHTTP(_ scheme: Bytes) -> Bool {
        (scheme.count == 4 || scheme.count == 5) && ("https" as StaticString).withUTF8Buffer { https in zip(scheme, https).allSatisfy { $0 | 0x20 == $1 } }
    }

    /// `+` as a space, then percent-decoding. Text that is ASCII once decoded (the usual case) is decoded here;
    /// anything else is left to Foundation, whose reading of other bytes and malformed escapes (`nil` for some,
    /// U+FFFD for others) must not change.
    private static func decode(_ text: Bytes) -> String? {
        decodedASCII(text) ?? String(decoding: text, as: UTF8.self).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func decodedASCII(_ text: Bytes) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { out in
            var count = 0
            var index = text.startIndex
            while index < text.endIndex {
                switch text[index] {
                case UInt8(ascii: "+"):
                    out[count] = UInt8(ascii: " ")
                case UInt8(ascii: "%"):
                    guard index + 2 < text.endIndex, let high = hexValue(text[index + 1]), high < 8, let low = hexValue(text[index + 2]) else {
                        return nil
                    }
                    out[count] = high << 4 | low
                    index += 2
                case 0x80...:
                    return nil
                case let byte:
                    out[count] = byte
                }
                count += 1
                index += 1
            }
            return String(decoding: out[..<count], as: UTF8.self)
        }
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
