import Contracts
import Foundation
@testable import Insights
import Kernel
import TestSupport
import Testing

/// Random clicks, sales, leads, reviews and refunds go through the projector on a real store; every answer of the
/// metrics service is compared with a computation over the same raw facts: windows on day edges, refunds after the
/// window, two currencies, filters that match nothing.
@Suite struct RollupModelTests {
    /// What a click tells of its visitor.
    struct Profile {
        let country: String?
        let device: DeviceClass
        let referrer: String?
        let utm: UTMParameters
    }

    struct Click {
        let affiliate: AffiliateID
        let program: ProgramID
        let link: AffiliateLinkID
        let at: Date
        let profile: Profile
    }

    struct Sale {
        let id: ConversionID
        let affiliate: AffiliateID
        let program: ProgramID
        let at: Date
        let amount: Money
        var commission: Money
        var status: ConversionStatus
        /// A subscription's charge: counted in the recurring module's monthly revenue.
        let recurring: Bool
        /// Attributed by a redeemed coupon code.
        let coupon: Bool
        /// The brand's customer: new on their earliest sale, returning on the others, whatever order they are recorded in.
        let customer: String
        /// The originating click, when the sale has one.
        let click: Click?
    }

    struct Model {
        var clicks: [Click] = []
        var sales: [Sale] = []
        var leads: [(affiliate: AffiliateID, program: ProgramID, at: Date)] = []

        /// Each customer's earliest sale (ties by id).
        var firstPurchases: Set<ConversionID> {
            Set(Dictionary(grouping: sales, by: \.customer).values.compactMap { $0.min { ($0.at, $0.id) < ($1.at, $1.id) }?.id })
        }
    }

    static let tenant = testTenant(1)
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    /// Few enough that clicks of one affiliate and day often share one and are summed before they are fanned out.
    static let profiles = [
        Profile(country: "US", device: .desktop, referrer: nil, utm: UTMParameters()),
        Profile(country: "DE", device: .mobile, referrer: "blog.example", utm: UTMParameters(source: "news", medium: "email", campaign: "spring")),
        Profile(country: nil, device: .tablet, referrer: "video.example", utm: UTMParameters(source: "news")),
        Profile(country: "FR", device: .bot, referrer: "blog.example", utm: UTMParameters(source: "ads", medium: "cpc", campaign: "spring")),
        Profile(country: "US", device: .mobile, referrer: nil, utm: UTMParameters(medium: "cpc", campaign: "fall")),
    ]
    /// 1 USD buys 0.5 EUR: EUR amounts double exactly in USD.
    static let rates = ExchangeRates(rates: [.usd: 1, Currency(rawValue: "EUR")!: Decimal(string: "0.5")!])

    @Test func everyAnswerEqualsAnIndependentComputation() async throws {
        var random = SeededRandom(seed: 42)
        let ids = IDGenerator(clock: SystemClock())
        let programs: [ProgramID] = [ids.next(), ids.next()]
        let affiliates: [(AffiliateID, ProgramID)] = (0..<6).map { (ids.next(), programs[$0 % 2]) }
        let roster = Roster(tenant: Self.tenant, affiliates: Dictionary(uniqueKeysWithValues: affiliates))
        let clock = ManualClock(Self.start.addingTimeInterval(75 * 86_400))
        try await withTemporaryDatabase(clock: clock) { database, _ in
            let clicks = RecordedClickLog()
            database.bus.addProjector(clicks)
            database.bus.addProjector(InsightsProjector())
            let model = try await Self.record(into: database, clicks: clicks, affiliates: affiliates, ids: ids, random: &random)
            let service = InsightsService(database: database, clock: clock, tenants: roster, affiliates: roster, clicks: clicks, rates: Self.rates)
            // A window without a day, at the start of a day with an approved sale: pending payouts stop before it.
            let approved = try #require(model.sales.first { $0.status == .approved }).at
            let empty = String(Timestamp.format(approved).prefix(10))
            let windows: [(String?, String?)] = [
                ("2026-01-01", "2026-03-17"), ("2026-01-10T00:00:00Z", "2026-02-01T00:00:00Z"), ("2026-02-01", "2026-02-02"), (nil, nil),
                ("2025-01-01", "2025-06-01"), (empty, empty), ("2026-01-20T06:00:00", "2026-02-03T18:30:00"),
            ]
            let scopes: [(ProgramID?, AffiliateID?)] = [(nil, nil), (programs[0], nil), (nil, affiliates[3].0), (programs[0], affiliates[3].0)]
            for (since, until) in windows {
                for (program, affiliate) in scopes {
                    try await Self.compare(service, model, since: since, until: until, program: program, affiliate: affiliate, now: clock.now())
                }
            }
        }
    }

    static func compare(
        _ service: InsightsService, _ model: Model, since: String?, until: String?, program: ProgramID?, affiliate: AffiliateID?, now: Date
    ) async throws {
        let parameters = ["since": since, "until": until, "programId": program?.description, "affiliateId": affiliate?.description]
        let query: (String) -> String? = { parameters[$0] ?? nil }
        let end = until.map { Self.date($0) } ?? now
        let begin = since.map { Self.date($0) } ?? end.addingTimeInterval(-30 * 86_400)
        // Whole days: from the day of `since` up to `until`, exclusive.
        let first = (begin.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        let last = (end.timeIntervalSince1970 / 86_400).rounded(.up) * 86_400
        func inWindow(_ at: Date) -> Bool { at.timeIntervalSince1970 >= first && at.timeIntervalSince1970 < last }
        func inScope(_ a: AffiliateID, _ p: ProgramID) -> Bool {
            (program.map { $0 == p } ?? true) && (affiliate.map { $0 == a } ?? true) && !(affiliate != nil && program != nil && program != p)
        }
        let label = "\(since ?? "-")…\(until ?? "-") program \(program != nil) affiliate \(affiliate != nil)"
        let clicks = model.clicks.filter { inWindow($0.at) && inScope($0.affiliate, $0.program) }
        let sales = model.sales.filter { inWindow($0.at) && inScope($0.affiliate, $0.program) }
        let counted = sales.filter { $0.status != .refunded && $0.status != .denied }
        let leads = model.leads.filter { inWindow($0.at) && inScope($0.affiliate, $0.program) }
        func usd(_ amounts: [Money]) -> Int64 { amounts.reduce(0) { $0 + ($1.currency == .usd ? $1.minorUnits : $1.minorUnits * 2) } }

        let summary = try await service.summary(tenant, query)
        #expect(summary["totalClicks"] == .int(Int64(clicks.count)), "\(label)")
        #expect(summary["totalConversions"] == .int(Int64(counted.count)), "\(label)")
        #expect(summary["totalLeads"] == .int(Int64(leads.count)), "\(label)")
        #expect(summary["totalEarningsCents"] == .int(usd(counted.map(\.commission))), "\(label)")
        // Approved commission not yet paid, of every day up to the window's end: not only the window's days.
        let payable = model.sales.filter { inScope($0.affiliate, $0.program) && $0.status == .approved && $0.at.timeIntervalSince1970 < last }
        #expect(summary["pendingPayoutsCents"] == .int(usd(payable.map(\.commission))), "\(label)")

        let overview = try #require(try await service.module("overview", tenant, query)).json
        #expect(overview["grossRevenueCents"] == .int(usd(counted.map(\.amount))), "\(label)")
        let refunded = Int64(sales.count { $0.status == .refunded })
        #expect(overview["refundedConversions"] == .int(refunded), "\(label)")
        // Rates as the spec rounds them: percentages and fractions to 4 decimals, per-unit amounts to whole cents.
        func ratio(_ part: Int64, _ whole: Int64, times scale: Double = 1) -> JSONValue {
            .double(whole == 0 ? 0 : (Double(part) * scale / Double(whole) * 10_000).rounded() / 10_000)
        }
        func perUnit(_ cents: Int64, _ count: Int) -> JSONValue { .int(count == 0 ? 0 : Int64((Double(cents) / Double(count)).rounded())) }
        let conversions = Int64(counted.count)
        let recurring = Int64(counted.count(where: \.recurring))
        #expect(overview["conversionRate"] == ratio(conversions, Int64(clicks.count), times: 100), "\(label)")
        #expect(overview["epcCents"] == perUnit(usd(counted.map(\.commission)), clicks.count), "\(label)")
        #expect(overview["aovCents"] == perUnit(usd(counted.map(\.amount)), counted.count), "\(label)")
        #expect(overview["refundRate"] == ratio(refunded, conversions + refunded), "\(label)")
        #expect(overview["recurringConversions"] == .int(recurring) && overview["recurringSharePct"] == ratio(recurring, conversions, times: 100), "\(label)")
        #expect(overview["clickToLeadRate"] == ratio(Int64(leads.count), Int64(clicks.count)), "\(label)")
        #expect(overview["leadToSaleRate"] == ratio(conversions, Int64(leads.count)), "\(label)")

        let countries = try #require(try await service.module("geography", tenant, query)).json["countries"]
        var expected: [String: (Int64, Int64)] = [:]
        for click in clicks { expected[click.profile.country ?? "(unknown)", default: (0, 0)].0 += 1 }
        for sale in counted { expected[sale.click?.profile.country ?? "(unknown)", default: (0, 0)].1 += 1 }
        let answered = Dictionary(
            uniqueKeysWithValues: (countries?.arrayElements ?? []).map { ($0["country"]?.stringValue ?? "", ($0["clicks"]?.intValue ?? -1, $0["conversions"]?.intValue ?? -1)) })
        #expect(answered.mapValues { [$0.0, $0.1] } == expected.filter { $0.value != (0, 0) }.mapValues { [$0.0, $0.1] }, "\(label)")

        let series = try await service.timeseries(tenant) { $0 == "metric" ? "clicks" : query($0) }.json["points"]?.arrayElements ?? []
        let perDay = Dictionary(grouping: clicks) { Timestamp.format($0.at).prefix(10) }.mapValues { Int64($0.count) }
        #expect(series.allSatisfy { point in point["count"]?.intValue == perDay[Substring(point["bucket"]?.stringValue ?? "")] ?? 0 }, "\(label)")
        #expect(series.count == Int((last - first) / 86_400), "\(label)")

        #expect(summary["activeAffiliates"] == .int(Int64(Set(clicks.map(\.affiliate) + counted.map(\.affiliate) + leads.map(\.affiliate)).count)), "\(label)")
        try await compareLeaderboards(service, query, clicks: clicks, counted: counted, usd: usd, label: label)
        try await compareBreakdowns(service, query, clicks: clicks, sales: sales, leads: leads.map(\.at), firsts: model.firstPurchases, usd: usd, label: label)
        if let affiliate, program == nil {
            try await compareAffiliateView(service, query, affiliate, clicks: clicks, counted: counted, leads: leads.count, usd: usd, label: label)
        }
    }

    /// Every ranking, whole (there are fewer affiliates than the limit of 50): values, and highest first with ties by id.
    static func compareLeaderboards(
        _ service: InsightsService, _ query: @escaping (String) -> String?, clicks: [Click],
        counted: [Sale], usd: ([Money]) -> Int64, label: String
    ) async throws {
        let clicksBy = Dictionary(grouping: clicks, by: \.affiliate).mapValues { Int64($0.count) }
        let salesBy = Dictionary(grouping: counted, by: \.affiliate)
        let earningsBy = salesBy.mapValues { usd($0.map(\.commission)) }
        let expectedBoards: [String: [AffiliateID: JSONValue]] = [
            "clicks": clicksBy.mapValues { .int($0) },
            "conversions": salesBy.mapValues { .int(Int64($0.count)) },
            "earnings": earningsBy.filter { $0.value != 0 }.mapValues { .int($0) },
            "epc": Dictionary(uniqueKeysWithValues: clicksBy.map { affiliate, clicks in
                (affiliate, .double((Double(earningsBy[affiliate] ?? 0) / Double(clicks) * 10_000).rounded() / 10_000))
            }),
        ]
        func score(_ value: JSONValue) -> Double {
            switch value {
            case .int(let count): Double(count)
            case .double(let ratio): ratio
            default: .nan
            }
        }
        for (metric, expected) in expectedBoards {
            let board = try await service.leaderboard(tenant) { $0 == "metric" ? metric : $0 == "limit" ? "50" : query($0) }.arrayElements ?? []
            let rows = board.map { (AffiliateID($0["affiliateId"]?.stringValue ?? "")!, $0["value"] ?? .null) }
            #expect(Dictionary(rows) { first, _ in first } == expected, "\(metric) \(label)")
            let order = expected.sorted { score($0.value) != score($1.value) ? score($0.value) > score($1.value) : $0.key < $1.key }
            #expect(rows.map(\.0) == order.map(\.key), "\(metric) \(label)")
        }
    }

    /// Writes the random history through `database.write`, many writes at once so the writer batches them.
    static func record(
        into database: Database, clicks: RecordedClickLog, affiliates: [(AffiliateID, ProgramID)], ids: IDGenerator, random: inout SeededRandom
    ) async throws -> Model {
        var model = Model()
        var events: [[any DomainEvent]] = []
        // One link per affiliate, so that clicks of one affiliate and day often share a profile and a fold sums them.
        let links = Dictionary(uniqueKeysWithValues: affiliates.map { ($0.0, ids.next() as AffiliateLinkID) })
        for _ in 0..<600 {
            let (affiliate, program) = affiliates[random.next(affiliates.count)]
            // Some clicks exactly at midnight or a second before it.
            let day = Double(random.next(75)) * 86_400
            let second = [0, 86_399, Double(random.next(86_400))][random.next(3)]
            let at = start.addingTimeInterval(day + second)
            let profile = profiles[random.next(profiles.count)]
            model.clicks.append(Click(affiliate: affiliate, program: program, link: links[affiliate]!, at: at, profile: profile))
            events.append([
                ClickRecorded(
                    tenant: tenant, clickID: ids.next(), programID: program, affiliateID: affiliate, linkID: links[affiliate]!, at: at,
                    country: profile.country, device: profile.device, referrerHost: profile.referrer, utm: profile.utm)
            ])
        }
        for index in 0..<150 {
            let click = model.clicks[random.next(model.clicks.count)]
            let withClick = index % 3 != 0
            let at = withClick ? click.at.addingTimeInterval(Double(random.next(3 * 86_400))) : start.addingTimeInterval(Double(random.next(75 * 86_400)))
            let currency = index % 4 == 0 ? Currency(rawValue: "EUR")! : .usd
            let amount = Money(minorUnits: Int64(1_000 + random.next(9_000)), currency: currency)
            let sale = Sale(
                id: ids.next(), affiliate: click.affiliate, program: click.program, at: at, amount: amount,
                commission: Money(minorUnits: amount.minorUnits / 5, currency: currency), status: index % 11 == 5 ? .paid : .pending,
                recurring: index % 5 == 0, coupon: index % 7 == 3, customer: "cus_\(index % 40)",
                click: withClick ? click : nil)
            model.sales.append(sale)
            let profile = click.profile
            let facts = withClick
                ? ClickFacts(at: click.at, linkID: click.link, country: profile.country, device: profile.device, referrerHost: profile.referrer, utm: profile.utm)
                : nil
            events.append([
                ConversionRecorded(
                    tenant: tenant, conversionID: sale.id, type: sale.recurring ? .recurring : .oneTime, status: sale.status, programID: sale.program,
                    affiliateID: sale.affiliate, amount: amount, commission: sale.commission, clickID: withClick ? ids.next() : nil, click: facts,
                    attributionMethod: sale.coupon ? .coupon : nil, customerID: sale.customer, subscriptionID: sale.recurring ? "sub_\(index)" : nil, at: at)
            ])
        }
        for _ in 0..<40 {
            let (affiliate, program) = affiliates[random.next(affiliates.count)]
            let at = start.addingTimeInterval(Double(random.next(75 * 86_400)))
            model.leads.append((affiliate, program, at))
            events.append([
                LeadRecorded(
                    tenant: tenant, conversionID: ids.next(), programID: program, affiliateID: affiliate, commission: Money(minorUnits: 0, currency: .usd),
                    status: .pending, at: at)
            ])
        }
        // Clicks are folded from the log at any time: some before the rest are written, some while they are (by two
        // folds at once), the rest when the queries catch up. In small steps, so that a fold takes clicks in several
        // reads and transactions, and conversion rows in several plans.
        let limits = RollupFolder.Limits(clicksPerRead: 7, groupsPerTransaction: 30, clicksPerTransaction: 40, conversionsPerRead: 9, conversionsPerTransaction: 4)
        let folder = RollupFolder(store: database.engine, clicks: clicks, namespace: RollupKeys.live, limits: limits)
        try await write(Array(events[..<300]), to: database)
        try await folder.fold()
        let middle = Array(events[300..<450])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await write(middle, to: database) }
            group.addTask { try await folder.fold() }
            group.addTask { try await folder.fold() }
            try await group.waitForAll()
        }
        try await write(Array(events[450...]), to: database)

        // Reviews and refunds later (after every window): they still change the day each sale was made on.
        let later = start.addingTimeInterval(80 * 86_400)
        var changes: [[any DomainEvent]] = []
        // Some sales are imported already paid: those are not reviewed again.
        for index in model.sales.indices where model.sales[index].status == .pending {
            var sale = model.sales[index]
            switch random.next(5) {
            case 0:
                sale.status = .approved
                changes.append([ConversionApproved(tenant: tenant, conversionID: sale.id, affiliateID: sale.affiliate, from: .pending, commission: sale.commission, at: later)])
            case 1:
                sale.status = .denied
                changes.append([ConversionDenied(tenant: tenant, conversionID: sale.id, affiliateID: sale.affiliate, from: .pending, commission: sale.commission, at: later)])
            case 2:
                let before = sale.commission
                sale.status = .refunded
                sale.commission = Money(minorUnits: 0, currency: before.currency)
                changes.append([refund(sale, before: before, after: sale.commission, isFull: true, at: later)])
            case 3:
                let before = sale.commission
                sale.commission = Money(minorUnits: before.minorUnits / 2, currency: before.currency)
                changes.append([refund(sale, before: before, after: sale.commission, isFull: false, at: later)])
            default:
                break
            }
            model.sales[index] = sale
        }
        // Some meet a sale folded already, some one still pending, some a fold while it runs: a fold takes back what
        // the cells counted of a row and adds what its memo says now.
        let first = Array(changes[..<(changes.count / 2)]), rest = Array(changes[(changes.count / 2)...])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await write(first, to: database) }
            group.addTask { try await folder.fold() }
            try await group.waitForAll()
        }
        try await write(rest, to: database)
        return model
    }

    static func refund(_ sale: Sale, before: Money, after: Money, isFull: Bool, at: Date) -> ConversionRefunded {
        let zero = Money(minorUnits: 0, currency: sale.amount.currency)
        return ConversionRefunded(
            tenant: tenant, conversionID: sale.id, affiliateID: sale.affiliate, refundedTotal: isFull ? sale.amount : zero, refundedNow: zero,
            commissionBefore: before, commissionAfter: after, clawback: zero, isFull: isFull, at: at)
    }

    /// Each inner list is one write; all are submitted at once, so they share batches.
    static func write(_ writes: [[any DomainEvent]], to database: Database) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for events in writes {
                group.addTask { try await database.write { _, log in for event in events { log.record(event) } } }
            }
            try await group.waitForAll()
        }
    }

    static func date(_ text: String) -> Date { Timestamp.parse(timeOrDate: text)! }
}

/// A deterministic generator (SplitMix64), so a failure can be replayed.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

extension JSONValue {
    var arrayElements: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
    var intValue: Int64? { if case .int(let value) = self { value } else { nil } }
}
