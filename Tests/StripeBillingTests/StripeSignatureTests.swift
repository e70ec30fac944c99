import Foundation
import Kernel
@testable import StripeBilling
import Testing

@Suite struct StripeSignatureTests {
    /// INTEGRATIONS.md §1.1, checked against stripe-python's `generate_signature_header`.
    static let secret = "whsec_test_secret"
    static let body = Array(#"{"id":"evt_test_1","object":"event","type":"charge.refunded"}"#.utf8)
    static let header = "t=1700000000,v1=09ad3ead51fbafad31000e0bb1e4e562967fbe8a475e2ae188fd3d204de4aa62"
    static let signedAt = Date(timeIntervalSince1970: 1_700_000_000)

    func code(header: String?, body: [UInt8] = body, secret: String = secret, now: Date = signedAt) -> String? {
        do throws(DomainError) {
            try StripeSignature.verify(header: header, payload: body, secret: secret, now: now)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func acceptsTheReferenceVector() {
        #expect(code(header: Self.header) == nil)
    }

    @Test func acceptsAnyV1WhileASecretIsRolled() {
        let old = StripeSigning.signature(Self.body, secret: "whsec_old_secret", at: 1_700_000_000)
        #expect(code(header: "t=1700000000,v1=\(old),v1=09ad3ead51fbafad31000e0bb1e4e562967fbe8a475e2ae188fd3d204de4aa62") == nil)
        #expect(code(header: "t=1700000000,v1=09ad3ead51fbafad31000e0bb1e4e562967fbe8a475e2ae188fd3d204de4aa62,v0=abcd,v1=\(old)") == nil)
        #expect(code(header: "t=1700000000,v1=\(old)") == "invalid_signature")
    }

    @Test func refusesATamperedBodyOrAnotherSecret() {
        var tampered = Self.body
        tampered[tampered.count - 3] = UInt8(ascii: "X")
        #expect(code(header: Self.header, body: tampered) == "invalid_signature")
        #expect(code(header: Self.header, secret: "whsec_other_secret") == "invalid_signature")
        // The key is the whole string, prefix included, not a decoded form of it.
        #expect(code(header: Self.header, secret: "test_secret") == "invalid_signature")
    }

    @Test func timestampsOutsideFiveMinutesEitherWayAreRefused() {
        #expect(code(header: Self.header, now: Self.signedAt.addingTimeInterval(300)) == nil)
        #expect(code(header: Self.header, now: Self.signedAt.addingTimeInterval(301)) == "timestamp_out_of_tolerance")
        #expect(code(header: Self.header, now: Self.signedAt.addingTimeInterval(-300)) == nil)
        #expect(code(header: Self.header, now: Self.signedAt.addingTimeInterval(-301)) == "timestamp_out_of_tolerance")
    }

    @Test func missingAndMalformedHeaders() {
        #expect(code(header: nil) == "signature_required")
        #expect(code(header: "") == "signature_required")
        #expect(code(header: "v1=09ad3ead51fbafad31000e0bb1e4e562967fbe8a475e2ae188fd3d204de4aa62") == "invalid_signature_header")
        #expect(code(header: "t=1700000000") == "invalid_signature_header")
        #expect(code(header: "t=1700000000,v0=09ad3ead51fbafad31000e0bb1e4e562967fbe8a475e2ae188fd3d204de4aa62") == "invalid_signature_header")
        #expect(code(header: "t=soon,v1=09ad3ead51fbafad31000e0bb1e4e562967fbe8a475e2ae188fd3d204de4aa62") == "invalid_signature_header")
        #expect(code(header: "t=1700000000,v1=09ad3e") == "invalid_signature_header")
        #expect(code(header: "garbage") == "invalid_signature_header")
    }

    @Test func errorsAreBadRequests() throws {
        let error = try #require(throws: DomainError.self) {
            try StripeSignature.verify(header: Self.header, payload: Self.body, secret: "whsec_wrong", now: Self.signedAt)
        }
        #expect(error.kind == .badRequest)
    }
}
