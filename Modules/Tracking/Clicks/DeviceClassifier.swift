public import Contracts

/// The device class of a click, read from its User-Agent.
///
/// Bots win over everything (Googlebot's smartphone crawler says "Android" and "Mobile"); then tablets, including
/// Android without "Mobile", which is how Android tablets differ from phones; then phones. iPadOS Safari sends a Mac
/// User-Agent by default, so those iPads count as Desktop: nothing in the header tells them apart.
///
/// It runs on every click: one lower-cased copy of the header, usually on the stack, scanned once; each place is
/// compared only with the few tokens whose first two bytes hash like its own.
public enum DeviceClassifier {
    public static func classify(userAgent: String?) -> DeviceClass {
        guard let userAgent, !userAgent.isEmpty else { return .bot }
        let utf8 = userAgent.utf8
        let vocabulary = Self.vocabulary
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { text in
            _ = text.initialize(fromContentsOf: utf8)
            // ASCII lower case, without a branch; other bytes stay as they are.
            for index in text.indices { text[index] |= text[index] &- UInt8(ascii: "A") < 26 ? 0x20 : 0 }
            var tablet = false, mobile = false, android = false
            var index = 0
            scan: while index + 1 < text.count {
                // Indices rather than a slice of `tokens`: a slice would retain the array at every byte.
                for candidate in vocabulary.startingWith[Vocabulary.slot(text[index], text[index + 1])] {
                    let token = vocabulary.tokens[candidate]
                    guard vocabulary.occurs(token, in: text, at: index) else { continue }
                    switch token.signal {
                    case .bot: return .bot
                    case .tablet: tablet = true
                    case .mobile: mobile = true
                    case .android: android = true
                    case .ignored: break
                    }
                    // A token's bytes start no other token: "cubot" hides its "bot".
                    index += token.letters.count
                    continue scan
                }
                index += 1
            }
            if tablet || (android && !mobile) { return .tablet }
            return mobile ? .mobile : .desktop
        }
    }

    private enum Signal { case bot, tablet, mobile, android, ignored }

    /// Lower case. "bot", "spider", "crawl" and "preview" catch most crawlers and link unfurlers by name (Googlebot,
    /// bingbot, GPTBot, Slackbot, Twitterbot, Discordbot, LinkedInBot, Applebot, Baiduspider, BingPreview, …); the
    /// rest name the fetchers and HTTP libraries that do not say so. Cubot is a phone maker, not a bot.
    private static let vocabulary = Vocabulary(
        [
            "bot", "spider", "crawl", "slurp", "preview", "headless", "phantomjs", "lighthouse", "facebookexternalhit",
            "facebookcatalog", "meta-externalagent", "whatsapp", "mastodon", "embedly", "iframely", "curl/", "wget/",
            "python", "go-http-client", "java/", "okhttp", "httpclient", "libwww", "axios/", "node-fetch", "scrapy",
        ].map { ($0, .bot) }
            + ["ipad", "kindle", "silk/", "playbook", "tablet"].map { ($0, .tablet) }
            + ["mobile", "iphone", "ipod", "windows phone", "opera mini", "opera mobi", "blackberry"].map { ($0, .mobile) }
            + [("android", .android), ("cubot", .ignored)])

    /// The tokens as ranges of one byte array, grouped by a hash of their first two bytes: most places in a
    /// User-Agent start no token and cost one table read. Plain values, so the scan counts no references.
    private struct Vocabulary {
        struct Token {
            let letters: Range<Int>
            let signal: Signal
        }

        private var bytes: [UInt8] = []
        private(set) var tokens: [Token] = []
        /// For each slot, the tokens whose first two bytes hash to it.
        private(set) var startingWith = [Range<Int>](repeating: 0..<0, count: 1024)

        static func slot(_ first: UInt8, _ second: UInt8) -> Int { (Int(first) &* 31 &+ Int(second)) & 1023 }

        init(_ list: [(String, Signal)]) {
            func slot(_ text: String) -> Int {
                let bytes = Array(text.utf8)
                return Self.slot(bytes[0], bytes[1])
            }
            for (text, signal) in list.sorted(by: { slot($0.0) < slot($1.0) }) {
                let slot = slot(text)
                startingWith[slot] = (startingWith[slot].isEmpty ? tokens.count : startingWith[slot].lowerBound)..<tokens.count + 1
                tokens.append(Token(letters: bytes.count..<bytes.count + text.utf8.count, signal: signal))
                bytes += text.utf8
            }
        }

        /// Whether `token` starts at `index`.
        func occurs(_ token: Token, in text: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Bool {
            guard index + token.letters.count <= text.count else { return false }
            for offset in 0..<token.letters.count where text[index + offset] != bytes[token.letters.lowerBound + offset] { return false }
            return true
        }
    }
}
