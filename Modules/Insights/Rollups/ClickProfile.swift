import Contracts
import Kernel

/// The click dimensions of one affiliate's activity, as the last part of a profile cell's key. An affiliate has few
/// distinct combinations a day, so one cell per combination keeps a click to one affiliate-level write while any
/// dimension can still be summed from the day's cells.
struct ClickProfile: Hashable, KeyComponent {
    /// `nil` fields are unknown: a sale without an originating click has no click dimension at all.
    var country: String?
    var device: DeviceClass?
    var link: AffiliateLinkID?
    var referrerHost: String?
    var utm = UTMParameters()

    init(country: String?, device: DeviceClass?, link: AffiliateLinkID?, referrerHost: String?, utm: UTMParameters) {
        self.country = country
        self.device = device
        self.link = link
        self.referrerHost = referrerHost
        self.utm = UTMParameters(source: utm.source, medium: utm.medium, campaign: utm.campaign)
    }

    init(_ click: ClickFacts) {
        self.init(country: click.country, device: click.device, link: click.linkID, referrerHost: click.referrerHost, utm: click.utm)
    }

    /// A sale without a click.
    static let unknown = ClickProfile(country: nil, device: nil, link: nil, referrerHost: nil, utm: UTMParameters())

    /// Two country letters (or `--`), the device's index (or 255), a flag and the link id, then four texts each
    /// ended by a 0 byte. A fold groups every click by it, so it appends without building arrays on the way.
    func appendKeyBytes(to bytes: inout [UInt8]) {
        if let country, country.utf8.count == 2 { bytes.append(contentsOf: country.utf8) } else { bytes.append(contentsOf: "--".utf8) }
        bytes.append(device.flatMap { Self.devices.firstIndex(of: $0) }.map(UInt8.init) ?? 255)
        if let link {
            bytes.append(1)
            link.appendKeyBytes(to: &bytes)
        } else {
            bytes.append(0)
        }
        Self.bounded(referrerHost ?? "").appendKeyBytes(to: &bytes)
        Self.bounded(utm.source ?? "").appendKeyBytes(to: &bytes)
        Self.bounded(utm.medium ?? "").appendKeyBytes(to: &bytes)
        Self.bounded(utm.campaign ?? "").appendKeyBytes(to: &bytes)
    }

    /// `DeviceClass.allCases`, whose indices keys store, kept once: the synthesized property builds a new array on
    /// every call.
    static let devices = DeviceClass.allCases

    init?(keyBytes bytes: ArraySlice<UInt8>) {
        var cursor = bytes.startIndex
        guard bytes.count >= 4 else { return nil }
        let countryText = String(decoding: bytes[cursor..<cursor + 2], as: UTF8.self)
        country = countryText == "--" ? nil : countryText
        let deviceIndex = Int(bytes[cursor + 2])
        device = deviceIndex < Self.devices.count ? Self.devices[deviceIndex] : nil
        cursor += 3
        if bytes[cursor] == 1 {
            guard bytes.count >= cursor + 17 - bytes.startIndex, let id = AffiliateLinkID(bytes: Array(bytes[cursor + 1..<cursor + 17])) else { return nil }
            link = id
            cursor += 17
        } else {
            link = nil
            cursor += 1
        }
        var texts: [String?] = []
        for _ in 0..<4 {
            guard let end = bytes[cursor...].firstIndex(of: 0) else { return nil }
            texts.append(end == cursor ? nil : String(decoding: bytes[cursor..<end], as: UTF8.self))
            cursor = end + 1
        }
        referrerHost = texts[0]
        utm = UTMParameters(source: texts[1], medium: texts[2], campaign: texts[3])
    }

    /// Keys are at most 511 bytes: each text keeps its first 96 bytes (whole characters).
    static func bounded(_ text: String) -> String {
        guard text.utf8.count > 96 else { return text }
        var prefix = Substring(text).prefix(96)
        while prefix.utf8.count > 96 { prefix = prefix.dropLast() }
        return String(prefix)
    }
}
