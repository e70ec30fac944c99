import Contracts
import Foundation
import Kernel

/// The stored form of a click, version 1:
///
///     version u8 · flags u8 (bit 0 consent) · device u8 · country 2×u8 (0 0 unknown) · at i64 ms (big-endian)
///     · program 16 · affiliate 16 · link 16 · then code, landing page, referrer host and the five UTM fields, each a
///     u16 big-endian length (0xFFFF for absent) and UTF-8 bytes.
///
/// About 110 bytes for a typical click against ~600 as JSON, and no decoder on the hot path. Texts past
/// `BinaryRecordWriter.maxTextBytes` are cut.
enum ClickCoding {
    static let version: UInt8 = 1

    /// Written field by field into one buffer, without an array of the texts or of each id's bytes: it runs on
    /// every click.
    static func encode(_ click: Click) -> [UInt8] {
        // The fixed part, and the texts' lengths; a landing page past this grows the buffer once.
        var out = BinaryRecordWriter(capacity: 61 + 8 * 2 + 256)
        out.byte(version)
        out.byte(click.consentGranted ? 1 : 0)
        out.choice(click.device)
        let country = (click.country ?? "").utf8
        if country.count == 2 { country.forEach { out.byte($0) } } else { out.integer(UInt16(0)) }
        out.integer(Int64((click.at.timeIntervalSince1970 * 1000).rounded(.down)))
        out.id(click.programID)
        out.id(click.affiliateID)
        out.id(click.linkID)
        out.text(click.code)
        out.text(click.landingPage)
        out.text(click.referrerHost)
        out.text(click.utm.source)
        out.text(click.utm.medium)
        out.text(click.utm.campaign)
        out.text(click.utm.term)
        out.text(click.utm.content)
        return out.bytes
    }

    static func decode(_ bytes: [UInt8], id: ClickID) throws -> Click {
        var reader = BinaryRecordReader(bytes, record: "click")
        guard try reader.byte() == version else { throw StoreError(.corrupted, message: "click record of an unknown version") }
        let flags = try reader.byte()
        let device = try reader.choice(of: DeviceClass.self)
        let country = try reader.bytes(2)
        let millis = try reader.integer(Int64.self)
        let program: ProgramID = try reader.id(), affiliate: AffiliateID = try reader.id(), link: AffiliateLinkID = try reader.id()
        let code = try reader.text() ?? ""
        let landing = try reader.text(), referrer = try reader.text()
        let utm = UTMParameters(
            source: try reader.text(), medium: try reader.text(), campaign: try reader.text(), term: try reader.text(), content: try reader.text())
        return Click(
            id: id, programID: program, affiliateID: affiliate, linkID: link, code: code, at: Date(timeIntervalSince1970: Double(millis) / 1000),
            consentGranted: flags & 1 == 1, device: device, country: country == [0, 0] ? nil : String(decoding: country, as: UTF8.self),
            landingPage: landing, referrerHost: referrer, utm: utm)
    }
}
