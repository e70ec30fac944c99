public import Contracts
import Crypto
public import Foundation
public import Kernel

/// Affiliates' W-9 / W-8BEN PDFs: uploaded by the brand, handed out as signed links that expire after 300 seconds
/// and work once, and served by Vouch itself. Every link handed out records a `TaxFormAccessed` event.
public struct TaxFormService: Sendable {
    public static let linkLifetime: TimeInterval = 300
    public static let maxBytes = 10 << 20

    let affiliates: AffiliateService
    let blobs: any BlobStore
    let publicURL: String

    public init(affiliates: AffiliateService, blobs: any BlobStore, publicURL: String) {
        self.affiliates = affiliates
        self.blobs = blobs
        self.publicURL = publicURL
    }

    private var database: Database { affiliates.database }
    private var clock: any WallClock { affiliates.clock }
    private static func forms(_ tenant: TenantID) -> Keyspace { .tenant(tenant, "tax-form") }
    private static let links = Keyspace.global("tax-form-link")
    private static let signingKey = Keyspace.global("url-signing-key").key()

    /// Stores a PDF as the affiliate's current form; 400 when it is not a PDF, 413 past 10 MB.
    public func upload(_ tenant: TenantID, _ affiliateID: AffiliateID, type: TaxFormType, pdf: [UInt8]) async throws -> TaxForm {
        guard pdf.starts(with: Array("%PDF-".utf8)) else { throw DomainError.validation("body", "the body must be a PDF document") }
        guard try affiliates.affiliate(tenant, affiliateID) != nil else { throw DomainError.notFound("Affiliate") }
        let form = TaxForm(id: affiliates.ids.next(), affiliateID: affiliateID, type: type, byteCount: pdf.count, submittedAt: clock.now())
        try blobs.put(taxFormBlobKey(tenant, affiliateID, form.id), pdf)
        try await database.write { store, _ in
            try store.put(.records, Self.forms(tenant).key(affiliateID), RecordCoding.encode(form))
        }
        return form
    }

    /// A signed link to the affiliate's form, valid for 300 seconds and one download; 404 when there is none.
    public func link(_ tenant: TenantID, _ affiliateID: AffiliateID) async throws -> (TaxForm, String) {
        let now = clock.now()
        let id = UUID().uuidString.lowercased()
        let expiresAt = now.addingTimeInterval(Self.linkLifetime)
        let (form, key) = try await database.write { store, events -> (TaxForm, [UInt8]) in
            guard try affiliates.affiliate(tenant, affiliateID, in: store) != nil,
                let form = try store.get(.records, Self.forms(tenant).key(affiliateID)).map({ try RecordCoding.decode(TaxForm.self, from: $0) })
            else { throw DomainError.notFound("Tax form") }
            let link = TaxFormLink(tenant: tenant, formID: form.id, affiliateID: affiliateID, expiresAt: expiresAt, usedAt: nil)
            try store.put(.records, Self.links.key(id), RecordCoding.encode(link))
            events.record(TaxFormAccessed(tenant: tenant, affiliateID: affiliateID, at: now))
            return (form, try Self.signingKey(in: store))
        }
        let expires = Int(expiresAt.timeIntervalSince1970)
        let signature = Hex.encode(Self.signature(id: id, expires: expires, key: key))
        return (form, "\(publicURL)/downloads/tax-forms/\(id)?exp=\(expires)&sig=\(signature)")
    }

    /// The PDF behind a signed link, once. A bad signature, an unknown or used link and an expired one are all 404:
    /// nothing about the form leaks.
    public func download(linkID: String, expires: String?, signature: String?) async throws -> [UInt8] {
        let now = clock.now()
        let link = try await database.write { store, _ -> TaxFormLink in
            let notFound = DomainError.notFound("Download")
            guard let expires = expires.flatMap(Int.init), let given = signature.flatMap(Hex.decode),
                let stored = try store.get(.records, Self.links.key(linkID)).map({ try RecordCoding.decode(TaxFormLink.self, from: $0) }),
                Int(stored.expiresAt.timeIntervalSince1970) == expires,
                HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Array("\(linkID).\(expires)".utf8), using: SymmetricKey(data: try Self.signingKey(in: store))),
                stored.usedAt == nil, now < stored.expiresAt
            else { throw notFound }
            var used = stored
            used.usedAt = now
            try store.put(.records, Self.links.key(linkID), RecordCoding.encode(used))
            return used
        }
        guard let bytes = try blobs.get(taxFormBlobKey(link.tenant, link.affiliateID, link.formID)) else { throw DomainError.notFound("Download") }
        return bytes
    }

    /// The deployment's URL-signing key: 32 random bytes, made on first use and kept in the global range.
    private static func signingKey(in store: borrowing some StoreWriter & ~Copyable) throws -> [UInt8] {
        if let key = try store.get(.indexes, signingKey) { return key }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        try store.put(.indexes, signingKey, key)
        return key
    }

    private static func signature(id: String, expires: Int, key: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("\(id).\(expires)".utf8), using: SymmetricKey(data: key)))
    }
}
