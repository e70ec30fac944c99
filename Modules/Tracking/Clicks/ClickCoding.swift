import Contracts
import Foundation
import Kernel

/// The stored form of a click, version 1:
///
///     version u8 · flags u8 (bit 0 consent) · device u8 · country 2×u8 (0 0 unknown) · at i64 ms (big-endian)
///     · program 16 · affiliate 16 · link 16 · then code, landing page, referrer host and the five UTM fields, each a
///     u16 big-endian length (0xFFFF for absent) and UTF-8 bytes.
///
/// About 110 bytes for a typical click against ~600 as JSON, and no decoder on the hot path.
enum ClickCoding {
    static let version: UInt8 = 1
    /// Longer strings are cut at a character boundary, so a length always fits in a u16.
    static let maxStringBytes = 2_048
    private static let absent: UInt16 = 0xFFFF

    /// Written field by field into one buffer, without an array of the texts or of each id's bytes: it runs on
    /// every click.
    static func encode(_ click: Click) -> [UInt8] {
        var out: [UInt8] = []
        // The fixed part, and the texts' lengths; a landing page past this grows the buffer once.
        out.reserveCapacity(61 + 8 * 2 + 256)
        out.append(version)
        out.append(click.consentGranted ? 1 : 0)
        out.append(UInt8(DeviceClass.allCases.firstIndex(of: click.device)!))
        let country = (click.country ?? "").utf8
        if country.count == 2 { out.append(contentsOf: country) } else { out.append(contentsOf: [0, 0]) }
        let millis = Int64((click.at.timeIntervalSince1970 * 1000).rounded(.down))
        withUnsafeBytes(of: millis.bigEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: click.programID.uuid.uuid) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: click.affiliateID.uuid.uuid) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: click.linkID.uuid.uuid) { out.append(contentsOf: $0) }
        append(click.code, to: &out)
        append(click.landingPage, to: &out)
        append(click.referrerHost, to: &out)
        append(click.utm.source, to: &out)
        append(click.utm.medium, to: &out)
        append(click.utm.campaign, to: &out)
        append(click.utm.term, to: &out)
        append(click.utm.content, to: &out)
        return out
    }

    static func decode(_ bytes: [UInt8], id: ClickID) throws -> Click {
        var reader = ByteReader(bytes: bytes)
        guard try reader.byte() == version else { throw StoreError(.corrupted, message: "click record of an unknown version") }
        let flags = try reader.byte()
        let deviceIndex = Int(try reader.byte())
        guard deviceIndex < DeviceClass.allCases.count else { throw StoreError(.corrupted, message: "click record with an unknown device class") }
        let country = try reader.bytes(2)
        let millis = try reader.bytes(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
        guard let program = ProgramID(bytes: try reader.bytes(16)), let affiliate = AffiliateID(bytes: try reader.bytes(16)),
            let link = AffiliateLinkID(bytes: try reader.bytes(16))
        else { throw StoreError(.corrupted, message: "click record too short") }
        let code = try reader.string() ?? ""
        let landing = try reader.string(), referrer = try reader.string()
        let utm = UTMParameters(
            source: try reader.string(), medium: try reader.string(), campaign: try reader.string(), term: try reader.string(),
            content: try reader.string())
        return Click(
            id: id, programID: program, affiliateID: affiliate, linkID: link, code: code, at: Date(timeIntervalSince1970: Double(millis) / 1000),
            consentGranted: flags & 1 == 1, device: DeviceClass.allCases[deviceIndex],
            country: country == [0, 0] ? nil : String(decoding: country, as: UTF8.self), landingPage: landing, referrerHost: referrer, utm: utm)
    }

    private static func append(_ text: String?, to out: inout [UInt8]) {
        guard var text else {
            withUnsafeBytes(of: absent.bigEndian) { out.append(contentsOf: $0) }
            return
        }
        text.withUTF8 { utf8 in
            var count = utf8.count
            if count > maxStringBytes {
                // Cut before a continuation byte never splits a character.
                count = maxStringBytes
                while utf8[count] & 0xC0 == 0x80 { count -= 1 }
            }
            withUnsafeBytes(of: UInt16(count).bigEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<count]))
        }
    }
}

/// Reads a stored record front to back; running out of bytes is corruption, never a crash.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() throws -> UInt8 { try self.bytes(1).first! }

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard offset + count <= bytes.count else { throw StoreError(.corrupted, message: "click record too short") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func string() throws -> String? {
        let length = try bytes(2).reduce(UInt16(0)) { $0 << 8 | UInt16($1) }
        guard length != 0xFFFF else { return nil }
        return String(decoding: try bytes(Int(length)), as: UTF8.self)
    }
}
