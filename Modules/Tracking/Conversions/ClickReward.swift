import Contracts
import Foundation
import Kernel

/// What one click earns on a `Cpc` program. Paid clicks of an affiliate are aggregated into one `ClickReward` row
/// per program and UTC day (`attributionMethod: "cpc_aggregation"`), grown click by click in the click's own
/// transaction, so the row always equals the day's paid clicks times the rate.
struct ClickReward: Sendable {
    let perClick: Money
    let rule: CommissionRule
    let status: ConversionStatus

    /// The reward of a click through `target`, or `nil` when the program does not pay per click, the rule pays
    /// nothing (a percentage of a click), or the visitor is a bot. The home currency is looked up only for `Cpc`.
    init?(program: ProgramSummary, target: ReferralTarget, device: DeviceClass, homeCurrency: () throws -> Currency) rethrows {
        guard program.commissionModel.effective == .cpc, device != .bot else { return nil }
        let homeCurrency = try homeCurrency()
        let rule = target.commissionOverride ?? program.commission
        let zero = Money(minorUnits: 0, currency: homeCurrency)
        let perClick = CommissionEngine.commission(for: .clickReward, amount: zero, rule: rule, model: program.commissionModel, homeCurrency: homeCurrency)
        guard perClick.minorUnits > 0 else { return nil }
        self.perClick = perClick
        self.rule = rule
        status = program.autoApprove ? .approved : .pending
    }

    /// Adds the click to its day's row, starting the row with the day's first paid click (or when the day's row was
    /// already settled by a review).
    func accrue(_ click: Click, writes: LedgerWrites, ids: IDGenerator, in store: borrowing some StoreWriter & ~Copyable, events: inout EventLog) throws {
        let day = UInt32((click.at.timeIntervalSince1970 / 86_400).rounded(.down))
        let key = ConversionKeys.clickRewards(writes.tenant).key(click.affiliateID, click.programID, day)
        if let bytes = try store.get(.indexes, key), let id = ConversionID(bytes: bytes), var row = try writes.load(id, in: store),
            row.status == .pending || row.status == .approved
        {
            row.commission = row.commission + perClick
            row.commissionAtSale = row.commission
            try writes.save(row, in: store)
            events.record(
                ConversionCommissionChanged(
                    tenant: writes.tenant, conversionID: row.id, programID: row.programID, affiliateID: row.affiliateID, delta: perClick,
                    commission: row.commission, at: click.at))
            return
        }
        var row = Conversion(
            id: ids.next(), type: .clickReward, status: status, programID: click.programID, affiliateID: click.affiliateID,
            amount: Money(minorUnits: 0, currency: perClick.currency), commission: perClick, commissionRule: rule, source: .clicks,
            createdAt: click.at)
        row.attributionMethod = .cpcAggregation
        try writes.insert(row, as: .initial, in: store, events: &events)
        try store.put(.indexes, key, row.id.bytes)
    }
}
