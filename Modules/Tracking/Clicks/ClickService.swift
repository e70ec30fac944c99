public import Contracts
public import Foundation
public import Kernel

/// Records clicks: resolves the referral code, guards the program's origin, keeps existing attribution where it
/// must (passthrough referrers, repeat clicks, first-touch programs) and stores the click with its event.
public struct ClickService: Sendable {
    let database: Database
    let clock: any WallClock
    let ids: IDGenerator
    let programs: any ProgramDirectory
    let affiliates: any AffiliateDirectory
    let tenants: any TenantDirectory
    let params: AttributionParamsService
    let passthrough: PassthroughReferrerService
    private let sequence: ClickSequence

    /// A second click on the same link within this window is the same visit, not another click.
    static let repeatWindow: TimeInterval = 30 * 60

    public init(
        database: Database, clock: any WallClock, ids: IDGenerator, programs: any ProgramDirectory, affiliates: any AffiliateDirectory,
        tenants: any TenantDirectory, params: AttributionParamsService, passthrough: PassthroughReferrerService
    ) {
        self.database = database
        self.clock = clock
        self.ids = ids
        self.programs = programs
        self.affiliates = affiliates
        self.tenants = tenants
        self.params = params
        self.passthrough = passthrough
        sequence = ClickSequence(ids: ids)
    }

    /// The stored clicks as the log Insights folds into its rollups.
    public var log: StoredClickLog { StoredClickLog(sequence: sequence) }

    public func record(_ request: ClickRequest, from visitor: Visitor) async throws -> ClickResult {
        let now = clock.now()
        // Every lookup in one read transaction: one per directory call cost more than the reads themselves.
        let (result, new) = try database.read { store in try decide(request, visitor, at: now, in: store) }
        if let new {
            defer { sequence.end(new.click.id) }
            try await store(new.click, tenant: new.tenant, reward: new.reward)
        }
        return result
    }

    /// The answer to a click, and the click to store before giving it when one is recorded. Nothing after the click
    /// takes its id may throw: the id is held until the click's write ends (`ClickSequence`).
    private func decide(
        _ request: ClickRequest, _ visitor: Visitor, at now: Date, in store: borrowing some StoreReader & ~Copyable
    ) throws -> (ClickResult, (click: Click, tenant: TenantID, reward: ClickReward?)?) {
        let program = try allowedProgram(request.page.programID, visitor, in: store)
        let page = request.page.landing
        let order = try params.effectiveOrder(program.tenant, in: store)
        var result = ClickResult(program: program, cleanupParams: order.filter { name in page.query.contains { $0.name == name } })
        let consent = request.page.consentGranted
        let existing = consent ? try request.existingClickToken.flatMap { try liveClick($0, of: program, at: now, in: store) } : nil
        let referrerHost = request.referrer.flatMap { LandingURL.host(of: $0) }
        let rule = try referrerHost.flatMap { try passthrough.match(program.tenant, host: $0, in: store) }

        if rule != nil, let existing { return (result.keeping(existing, program, warning: "passthrough_referrer"), nil) }
        // Codes are lowercase (`a-z0-9-`); the answer and the record name the affiliate's, whatever the link's case.
        guard let code = (request.referralCode ?? order.lazy.compactMap({ page.value($0) }).first)?.lowercased() else {
            return (result.ignored("referral_code_missing"), nil)
        }
        guard program.isOpen else { return (result.ignored("program_inactive"), nil) }
        guard let target = try affiliates.referral(code: code, in: store), target.tenant == program.tenant else {
            return (result.ignored("unknown_referral_code"), nil)
        }
        guard target.programID == program.id else { return (result.ignored("referral_code_other_program"), nil) }
        guard target.status == .approved else { return (result.ignored("affiliate_not_approved"), nil) }
        if let existing, existing.linkID == target.linkID, now.timeIntervalSince(existing.at) < Self.repeatWindow {
            return (result.keeping(existing, program, warning: "repeat_click"), nil)
        }

        // Without consent nothing of the query string or the referrer is kept: no UTM tags, from the page or a rule.
        var utm = consent ? page.utm : UTMParameters()
        if consent, let rule {
            utm = UTMParameters(
                source: utm.source ?? rule.utmSource, medium: utm.medium ?? rule.utmMedium.nonEmpty,
                campaign: utm.campaign ?? rule.utmCampaign.nonEmpty, term: utm.term ?? rule.utmTerm.nonEmpty, content: utm.content)
            result.warnings.append("passthrough_fallback_utms")
        }
        let device = DeviceClassifier.classify(userAgent: visitor.userAgent)
        let reward = try ClickReward(program: program, target: target, device: device) {
            try tenants.tenant(program.tenant)?.homeCurrency ?? .usd
        }
        let id = try sequence.begin(program.tenant, in: store)
        let click = Click(
            id: id, programID: program.id, affiliateID: target.affiliateID, linkID: target.linkID, code: code, at: now,
            consentGranted: consent, device: device, country: visitor.country,
            landingPage: consent ? request.page.pageURL : LandingURL.withoutQuery(request.page.pageURL),
            referrerHost: consent ? referrerHost : nil, utm: utm)
        let new = (click, program.tenant, reward)

        result.recordedClick = click.id
        result.affiliateCode = code
        if !consent {
            result.warnings.append("consent_not_granted")
        } else if let existing, program.attributionModel == .firstTouch {
            return (result.keeping(existing, program, warning: "first_touch_attribution_kept"), new)
        } else {
            result.clickToken = ClickToken.make(program.tenant, click.id)
        }
        if let host = page.host, !OriginPolicy.isWithin(host, program.websiteDomain ?? host) {
            result.warnings.append("page_url_outside_website_domain")
        }
        return (result, new)
    }

    /// The noscript pixel: the page it sits on (its Referer) is the landing page, and the program is the one of
    /// the code found there. Without a Referer that carries a code there is nothing to record.
    public func recordPixel(pageURL: String?, from visitor: Visitor) async throws -> ClickResult? {
        guard let pageURL else { return nil }
        let page = LandingURL(pageURL)
        guard page.host != nil else { return nil }
        let codes = AttributionParams.defaultOrder.lazy.compactMap { page.value($0) }
        guard let code = codes.first, let target = try affiliates.referral(code: code) else { return nil }
        return try await record(ClickRequest(page: PageVisit(programID: target.programID, pageURL: pageURL, landing: page, consentGranted: true)), from: visitor)
    }

    /// `POST /api/tracking/verify`: proves the snippet runs on the brand's site, kept as the program's last heartbeat.
    public func verify(_ page: PageVisit, from visitor: Visitor) async throws -> JSONValue {
        let program = try database.read { store in try allowedProgram(page.programID, visitor, in: store) }
        let now = clock.now()
        let heartbeat = TrackingHeartbeat(at: now, pageURL: LandingURL.withoutQuery(page.pageURL))
        let key = ClickKeys.heartbeats(program.tenant).key(program.id)
        let previous = try database.read { store in try store.get(.records, key).map { try RecordCoding.decode(TrackingHeartbeat.self, from: $0) } }
        // One write a minute per program is proof enough; every page view need not cost a commit.
        if previous.map({ now.timeIntervalSince($0.at) >= 60 }) ?? true {
            try await database.write { store, _ in try store.put(.records, key, RecordCoding.encode(heartbeat)) }
        }
        return .object([
            ("status", .string("ok")),
            ("programId", .string(program.id.description)),
            ("programActive", .bool(program.isOpen)),
            ("cookieDomain", .string(program.websiteDomain)),
            ("verifiedAt", .timestamp(now)),
        ])
    }

    /// The program's last install heartbeat, `nil` when the snippet never reported.
    public func lastHeartbeat(_ tenant: TenantID, _ program: ProgramID) throws -> TrackingHeartbeat? {
        try database.read { store in
            try store.get(.records, ClickKeys.heartbeats(tenant).key(program)).map { try RecordCoding.decode(TrackingHeartbeat.self, from: $0) }
        }
    }

    /// A stored click, for the tenant that owns it.
    public func click(_ tenant: TenantID, _ id: ClickID) throws -> Click? {
        try database.read { store in try Self.click(tenant, id, in: store) }
    }

    private static func click(_ tenant: TenantID, _ id: ClickID, in store: borrowing some StoreReader & ~Copyable) throws -> Click? {
        try store.get(.records, ClickKeys.clicks(tenant).key(id)).map { try ClickCoding.decode($0, id: id) }
    }

    /// The click a token names, when it is the tenant's.
    public func click(token: String, of tenant: TenantID) throws -> Click? {
        guard let (owner, id) = ClickToken.parse(token), owner == tenant else { return nil }
        return try click(tenant, id)
    }

    private func allowedProgram(_ id: ProgramID, _ visitor: Visitor, in store: borrowing some StoreReader & ~Copyable) throws -> ProgramSummary {
        guard let program = try programs.programSummary(id, in: store), !program.isArchived else {
            throw DomainError(.notFound, "program_not_found", "Program not found", field: "programId")
        }
        try OriginPolicy.requireAllowed(origin: visitor.origin, referer: visitor.referer, program: program)
        return program
    }

    /// The visitor's current click when it still attributes: the same program, inside the cookie window.
    private func liveClick(_ token: String, of program: ProgramSummary, at now: Date, in store: borrowing some StoreReader & ~Copyable) throws -> Click? {
        guard let (owner, id) = ClickToken.parse(token), owner == program.tenant, let click = try Self.click(owner, id, in: store),
            click.programID == program.id, program.isWithinCookieWindow(from: click.at, to: now)
        else { return nil }
        return click
    }

    private func store(_ click: Click, tenant: TenantID, reward: ClickReward?) async throws {
        let event = click.recorded(tenant)
        let bytes = ClickCoding.encode(click)
        let writes = LedgerWrites(tenant: tenant, ids: ids)
        // Clicks are the one high-volume write: answered once committed to the OS (so `kill -9` loses none), fsynced
        // within the store's sync interval. BENCHMARKS.md has the measured figures. A paid click carries money, so
        // it is fsynced before the answer like every conversion.
        try await database.write(durability: reward == nil ? .deferredSync : .synced) { store, events in
            events.record(event)
            try store.put(.records, ClickKeys.clicks(tenant).key(click.id), bytes)
            try reward?.accrue(click, writes: writes, ids: ids, in: store, events: &events)
        }
    }
}

/// The last time a program's page proved the snippet runs.
public struct TrackingHeartbeat: Sendable, Codable {
    public let at: Date
    public let pageURL: String
}

extension ClickResult {
    /// The visitor keeps the click they already have; nothing new is recorded.
    func keeping(_ click: Click, _ program: ProgramSummary, warning: String) -> ClickResult {
        var result = self
        result.affiliateCode = click.code
        result.clickToken = ClickToken.make(program.tenant, click.id)
        result.warnings.append(warning)
        return result
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
