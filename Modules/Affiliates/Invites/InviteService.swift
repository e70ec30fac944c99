public import Contracts
import Crypto
import Foundation
public import Kernel
import RichText

/// Invitations to join a program: created one by one or in bulk, listed, resent with a fresh token, revoked,
/// previewed and accepted by token. Accepting enrolls through `AffiliateService`, the one path that creates
/// affiliates.
public struct InviteService: Sendable {
    static let pendingLimit = 500

    let affiliates: AffiliateService
    let tenants: any TenantDirectory
    let notifier: any Notifier
    /// Where accept links point: `<publicURL>/invites/affiliate/<token>`.
    let publicURL: String
    private let decoded = DecodedRecordCache<Invite>()

    public init(affiliates: AffiliateService, tenants: any TenantDirectory, notifier: any Notifier, publicURL: String) {
        self.affiliates = affiliates
        self.tenants = tenants
        self.notifier = notifier
        self.publicURL = publicURL
    }

    var database: Database { affiliates.database }
    var clock: any WallClock { affiliates.clock }

    /// An invite with its one-time accept URL. 409 `affiliate_already_exists`, `slug_already_taken`,
    /// `pending_invites_limit_reached`; 404 `program_not_found`.
    public func create(_ tenant: TenantID, _ request: NewInvite) async throws -> (Invite, String) {
        let program = try openProgram(tenant, request.terms.programID)
        let (token, hash) = Self.newToken()
        let draft = draft(request.terms, request.invitee, tokenHash: hash)
        let invite = try await database.write { store, _ in
            try checkPendingLimit(adding: 1, tenant, in: store)
            guard try store.get(.indexes, AffiliateKeys.email(tenant, program.id, draft.email)) == nil else {
                throw DomainError.conflict("affiliate_already_exists", "An affiliate with this email is already on the program", field: "email")
            }
            if let slug = draft.slug, try store.get(.indexes, AffiliateKeys.codes.key(slug)) != nil {
                throw DomainError.conflict("slug_already_taken", "The slug '\(slug)' is already taken", field: "slug")
            }
            try save(draft, tenant, in: store)
            return draft
        }
        let url = acceptURL(token)
        await notify(invite, program: program, tenant: tenant, acceptURL: url)
        return (invite, url)
    }

    /// Invites up to 50 people. Repeated emails and people already on the roster are skipped silently; unusable
    /// slugs are reported in `slugConflicts` and those rows are invited without a slug.
    public func bulk(_ tenant: TenantID, _ request: BulkInvite) async throws -> BulkInviteResult {
        let program = try openProgram(tenant, request.terms.programID)
        let tokens = request.rows.map { _ in Self.newToken() }
        let (invites, result) = try await database.write { store, _ -> ([(Invite, String)], BulkInviteResult) in
            var result = BulkInviteResult()
            var invites: [(Invite, String)] = []
            var seenEmails: Set<String> = []
            var claimedSlugs: [String: String] = [:]
            for ((invitee, requested), (token, hash)) in zip(request.rows, tokens) {
                guard seenEmails.insert(invitee.email).inserted,
                    try store.get(.indexes, AffiliateKeys.email(tenant, program.id, invitee.email)) == nil
                else {
                    result.skipped += 1
                    continue
                }
                var slug: String?
                if let requested {
                    if let reason = try slugConflict(requested, claimedBy: claimedSlugs, in: store) {
                        result.slugConflicts.append(SlugConflict(email: invitee.email, requestedSlug: requested, reason: reason))
                    } else {
                        slug = requested
                        claimedSlugs[requested] = invitee.email
                    }
                }
                let invite = draft(request.terms, Invitee(email: invitee.email, fullName: invitee.fullName, slug: slug), tokenHash: hash)
                try save(invite, tenant, in: store)
                invites.append((invite, token))
            }
            try checkPendingLimit(adding: 0, tenant, in: store)
            result.invites = invites.map(\.0)
            return (invites, result)
        }
        for (invite, token) in invites { await notify(invite, program: program, tenant: tenant, acceptURL: acceptURL(token)) }
        return result
    }

    /// Newest first, optionally for one program or state.
    public func list(_ tenant: TenantID, page: PageRequest, programID: ProgramID?, state: InviteState?) throws -> Page<Invite> {
        let now = clock.now()
        return try database.read { store in
            try store.page(.records, in: InviteKeys.records(tenant), request: page) { value in
                let invite = try decoded.decode(value)
                if let programID, invite.programID != programID { return nil }
                if let state, invite.state(at: now) != state { return nil }
                return invite
            }
        }
    }

    /// Issues a fresh token (the old link stops working), extends the expiry and sends the invite again.
    public func resend(_ tenant: TenantID, _ id: InviteID) async throws -> (Invite, String) {
        let (token, hash) = Self.newToken()
        let now = clock.now()
        let invite = try await change(tenant, id) { invite, store in
            guard [.pending, .expired].contains(invite.state(at: now)) else {
                throw DomainError.conflict("invite_not_pending", "Only a pending or expired invite can be resent")
            }
            try store.delete(.indexes, InviteKeys.token(invite.tokenHash))
            invite.tokenHash = hash
            invite.expiresAt = now.addingTimeInterval(Invite.lifetime)
            try store.put(.indexes, InviteKeys.token(hash), InviteKeys.tokenValue(tenant, invite.id))
        }
        let url = acceptURL(token)
        if let program = try affiliates.programs.programSummary(tenant, invite.programID) {
            await notify(invite, program: program, tenant: tenant, acceptURL: url)
        }
        return (invite, url)
    }

    /// Revokes a pending invite; its link stops working at once.
    public func revoke(_ tenant: TenantID, _ id: InviteID) async throws {
        let now = clock.now()
        _ = try await change(tenant, id) { invite, store in
            guard invite.state(at: now) != .accepted else {
                throw DomainError.conflict("invite_not_pending", "An accepted invite cannot be revoked")
            }
            invite.revokedAt = invite.revokedAt ?? now
            try store.delete(.indexes, InviteKeys.token(invite.tokenHash))
        }
    }

    /// The invite behind a token, with its program and brand; `nil` for unknown or revoked tokens.
    public func preview(token: String) throws -> (Invite, ProgramSummary, TenantSummary)? {
        guard let (tenant, invite) = try invite(token: token),
            let program = try affiliates.programs.programSummary(tenant, invite.programID), let brand = try tenants.tenant(tenant)
        else { return nil }
        return (invite, program, brand)
    }

    /// Accepts by token, creating the affiliate (Approved or Pending per the invite). Accepting again returns the
    /// same affiliate. 404 for unknown or revoked tokens, 409 `invite_expired`, 409 `affiliate_already_exists`.
    public func accept(token: String) async throws -> InviteAcceptance {
        guard let (tenant, found) = try invite(token: token) else { throw DomainError.notFound("Invite") }
        let program = try openProgram(tenant, found.programID)
        let now = clock.now()
        let ids = affiliates.ids
        let affiliateID: AffiliateID = ids.next()
        let linkID: AffiliateLinkID = ids.next()
        return try await database.write { store, events in
            guard var invite = try load(tenant, found.id, in: store) else { throw DomainError.notFound("Invite") }
            switch invite.state(at: now) {
            case .revoked: throw DomainError.notFound("Invite")
            case .expired: throw DomainError.conflict("invite_expired", "This invite has expired; ask the brand to resend it")
            case .accepted:
                guard let id = invite.affiliateID, let affiliate = try affiliates.affiliate(tenant, id, in: store) else {
                    throw DomainError.notFound("Invite")
                }
                return InviteAcceptance(affiliate: affiliate, slugKept: true)
            case .pending: break
            }
            let status: AffiliateStatus = invite.autoApprove ? .approved : .pending
            let draft = Affiliate(
                id: affiliateID, programID: program.id, email: invite.email, fullName: invite.fullName, status: status,
                customCommissionType: invite.customCommissionType, customCommissionHundredths: invite.customCommissionHundredths, tags: [],
                notes: nil, source: .invite, appliedAt: now, approvedAt: status == .approved ? now : nil, rejectionReason: nil,
                application: nil, recruitedBy: nil, links: [], createdAt: now, updatedAt: now, deletedAt: nil)
            guard let affiliate = try affiliates.enroll(draft, linkID: linkID, alias: nil, preferredSlug: invite.slug, tenant, in: store, events: &events)
            else {
                throw DomainError.conflict("affiliate_already_exists", "An affiliate with this email is already on the program")
            }
            invite.acceptedAt = now
            invite.affiliateID = affiliate.id
            try store.put(.records, InviteKeys.records(tenant).key(invite.id), RecordCoding.encode(invite))
            return InviteAcceptance(affiliate: affiliate, slugKept: invite.slug == nil || affiliate.links.first?.slug == invite.slug)
        }
    }

    // MARK: Parts

    func programName(_ tenant: TenantID, _ id: ProgramID) -> String {
        (try? affiliates.programs.programSummary(tenant, id)?.name) ?? ""
    }

    private func openProgram(_ tenant: TenantID, _ id: ProgramID) throws -> ProgramSummary {
        guard let program = try affiliates.programs.programSummary(tenant, id), program.isOpen else {
            throw DomainError(.notFound, "program_not_found", "Program not found", field: "programId")
        }
        return program
    }

    private func draft(_ terms: InviteTerms, _ invitee: Invitee, tokenHash: [UInt8]) -> Invite {
        let now = clock.now()
        return Invite(
            id: affiliates.ids.next(), programID: terms.programID, email: invitee.email, fullName: invitee.fullName, slug: invitee.slug,
            personalNoteHtml: terms.personalNoteHtml, customCommissionType: terms.customCommission.0,
            customCommissionHundredths: terms.customCommission.1, autoApprove: terms.autoApprove, tokenHash: tokenHash,
            expiresAt: now.addingTimeInterval(Invite.lifetime), createdAt: now, acceptedAt: nil, affiliateID: nil, revokedAt: nil)
    }

    private func save(_ invite: Invite, _ tenant: TenantID, in store: borrowing some StoreWriter & ~Copyable) throws {
        try store.put(.records, InviteKeys.records(tenant).key(invite.id), RecordCoding.encode(invite))
        try store.put(.indexes, InviteKeys.token(invite.tokenHash), InviteKeys.tokenValue(tenant, invite.id))
    }

    private func load(_ tenant: TenantID, _ id: InviteID, in store: borrowing some StoreReader & ~Copyable) throws -> Invite? {
        try store.get(.records, InviteKeys.records(tenant).key(id)).map(decoded.decode)
    }

    private func invite(token: String) throws -> (TenantID, Invite)? {
        let hash = Array(SHA256.hash(data: Array(token.utf8)))
        return try database.read { store in
            guard let value = try store.get(.indexes, InviteKeys.token(hash)), let (tenant, id) = InviteKeys.decodeToken(value),
                let invite = try load(tenant, id, in: store)
            else { return nil }
            return (tenant, invite)
        }
    }

    private func change(
        _ tenant: TenantID, _ id: InviteID, _ body: @escaping @Sendable (inout Invite, borrowing any StoreWriter & ~Copyable) throws -> Void
    ) async throws -> Invite {
        try await database.write { store, _ in
            guard var invite = try load(tenant, id, in: store) else { throw DomainError.notFound("Invite") }
            try body(&invite, store)
            try store.put(.records, InviteKeys.records(tenant).key(id), RecordCoding.encode(invite))
            return invite
        }
    }

    /// 409 `pending_invites_limit_reached` when the tenant would hold more than 500 pending invites.
    private func checkPendingLimit(adding count: Int, _ tenant: TenantID, in store: borrowing some StoreReader & ~Copyable) throws {
        let now = clock.now()
        var pending = 0
        try store.scan(.records, prefix: InviteKeys.records(tenant).prefix) { _, value in
            if try decoded.decode(value).state(at: now) == .pending { pending += 1 }
            return true
        }
        guard pending + count <= Self.pendingLimit else {
            throw DomainError.conflict("pending_invites_limit_reached", "The organization already has \(Self.pendingLimit) pending invites")
        }
    }

    private func slugConflict(_ slug: String, claimedBy batch: [String: String], in store: borrowing some StoreReader & ~Copyable) throws -> String? {
        do {
            _ = try ReferralCode.validated(slug, field: "slug")
        } catch {
            return error.code == "slug_reserved" ? "reserved" : "invalid"
        }
        if batch[slug] != nil { return "duplicate_within_batch" }
        return try store.get(.indexes, AffiliateKeys.codes.key(slug)) == nil ? nil : "taken"
    }

    private func acceptURL(_ token: String) -> String {
        publicURL.trimmingSuffix("/") + "/invites/affiliate/" + token
    }

    private static func newToken() -> (String, [UInt8]) {
        let token = RandomToken.base62(length: 40)
        return (token, Array(SHA256.hash(data: Array(token.utf8))))
    }

    private func notify(_ invite: Invite, program: ProgramSummary, tenant: TenantID, acceptURL: String) async {
        let brand = (try? tenants.tenant(tenant)) ?? nil
        let values = [
            "affiliate.firstName": invite.fullName?.split(separator: " ").first.map(String.init) ?? "there",
            "program.commission": CommissionText.describe(
                invite.customCommissionType ?? program.commission.type, invite.customCommissionHundredths ?? program.commission.hundredths,
                currency: brand?.homeCurrency ?? .usd),
            "brand.name": brand?.name ?? "",
        ]
        let note = invite.personalNoteHtml.map { MergeTags.render($0, values: values) } ?? ""
        let html = note + "<p><a href=\"\(HTMLSanitizer.escape(acceptURL))\">Accept the invitation to \(HTMLSanitizer.escape(program.name))</a></p>"
        await notifier.send(OutgoingMessage(to: invite.email, subject: "You're invited to join \(program.name)", html: html))
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
