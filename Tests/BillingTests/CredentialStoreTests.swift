import Billing
import Foundation
import Kernel
import TestSupport
import Testing

@Suite struct CredentialStoreTests {
    @Test func issuedKeysAuthenticateUntilRevoked() async throws {
        try await BillingFixture.run { fixture in
            let org = try await fixture.create("acme")
            let (key, plaintext) = try await fixture.credentials.issueKey(for: org.tenant, name: "ci", scope: .read)
            #expect(plaintext.hasPrefix("rk_live_"))
            #expect(plaintext.count == 48)
            #expect(plaintext.dropFirst(8).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            let credential = try #require(try fixture.credentials.authenticate(plaintext))
            #expect(credential.tenant == org.tenant && credential.keyID == key.id && credential.scope == .read)
            #expect(try await fixture.credentials.revokeKey(key.id, of: org.tenant))
            #expect(try fixture.credentials.authenticate(plaintext) == nil)
            #expect(try fixture.credentials.keys(of: org.tenant).first?.revokedAt != nil)
        }
    }

    @Test func onlyTheHashIsStored() async throws {
        try await BillingFixture.run { fixture in
            let org = try await fixture.create("acme")
            let (key, plaintext) = try await fixture.credentials.issueKey(for: org.tenant, name: "ci", scope: .readWrite)
            #expect(key.hash.count == 32)
            #expect(key.preview == String(plaintext.prefix(12)))
            #expect(!(try fixture.credentials.keys(of: org.tenant).map(\.json.jsonString).joined().contains(plaintext)))
        }
    }

    @Test func unknownMalformedAndForeignKeysAreRejectedAlike() async throws {
        try await BillingFixture.run { fixture in
            let org = try await fixture.create("acme")
            let (_, plaintext) = try await fixture.credentials.issueKey(for: org.tenant, name: "ci", scope: .read)
            var tampered = Array(plaintext)
            tampered[20] = tampered[20] == "a" ? "b" : "a"
            for token in [String(tampered), "rk_live_short", "sk_live_" + plaintext.dropFirst(8), plaintext + "x", "", plaintext.uppercased()] {
                #expect(try fixture.credentials.authenticate(token) == nil)
            }
            let other = try await fixture.create("globex")
            let (keyOfAcme, _) = try await fixture.credentials.issueKey(for: org.tenant, name: "second", scope: .read)
            #expect(try await fixture.credentials.revokeKey(keyOfAcme.id, of: other.tenant) == false)
        }
    }

    @Test func signingSecretsRotate() async throws {
        try await BillingFixture.run { fixture in
            let org = try await fixture.create("acme")
            let first = try await fixture.credentials.createSigningSecret(for: org.tenant)
            let second = try await fixture.credentials.createSigningSecret(for: org.tenant)
            #expect(first.secret.hasPrefix("rks_") && first.secret != second.secret)
            #expect(try fixture.credentials.activeSigningSecrets(org.tenant) == [first.secret, second.secret])
            #expect(try await fixture.credentials.revokeSigningSecret(first.id, of: org.tenant))
            let secrets = try fixture.credentials.signingSecrets(of: org.tenant)
            #expect(secrets.filter { $0.revokedAt == nil }.map(\.id) == [second.id])
            // The active secrets are cached between changes: a revocation counts from the next call.
            #expect(try fixture.credentials.activeSigningSecrets(org.tenant) == [second.secret])
        }
    }

    @Test func readWriteSatisfiesEveryScopeAndReadOnlyReads() {
        #expect(APIKeyScope.readWrite.satisfies(.read) && APIKeyScope.readWrite.satisfies(.readWrite))
        #expect(APIKeyScope.read.satisfies(.read) && !APIKeyScope.read.satisfies(.readWrite))
    }
}
