import Kernel
import Testing

@testable import Tracking

/// How `X-Rekomi-Signature` is read: `t=<unix>,sig=<hex>`, blanks around either side of a part allowed, several
/// `sig=` during a rotation, anything else refused as a malformed header.
@Suite struct RequestSignatureTests {
    let sig = String(repeating: "ab", count: 32)

    @Test func theHeaderIsReadPartByPart() throws {
        let (timestamp, digests) = try RequestSignatureVerifier.parse(" t = 1700000000 ,\tsig=\(sig), sig=\(String(repeating: "0", count: 64)),v1=zz")
        #expect(timestamp == 1_700_000_000)
        #expect(digests == [[UInt8](repeating: 0xab, count: 32), [UInt8](repeating: 0, count: 32)])
        // Hex in capitals is the same signature.
        #expect(try RequestSignatureVerifier.parse("t=1700000000,sig=\(sig.uppercased())").1 == [[UInt8](repeating: 0xab, count: 32)])
    }

    @Test func malformedHeadersAreRefused() {
        let malformed = [
            "", "garbage", "t=1700000000", "sig=\(sig)", "t=soon,sig=\(sig)", "t=-5,sig=\(sig)", "t=1700000000,sig=abcd",
            "t=99999999999999999999,sig=\(sig)", "t=,sig=\(sig)",
        ]
        for header in malformed {
            #expect(throws: DomainError.self, "\(header)") { try RequestSignatureVerifier.parse(header) }
        }
    }
}
