import ArgumentParser
import Foundation
import HTTPServer
import Insights

/// `vouch rollups`: recomputes every rollup from the raw clicks and conversions and reports each cell that differs
/// from the live one; `--repair` replaces the live rollups with the recomputed ones. Exits 1 when differences were
/// found and not repaired.
struct RollupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollups", abstract: "Check the Insights rollups against the raw events (stop the server first).")

    @Option(name: .customLong("data-dir"), help: "Directory of the embedded database (VOUCH_DATA_DIR, default ./data).") var dataDirectory: String?
    @Option(help: "Only this tenant's handle.") var tenant: String?
    @Flag(help: "Replace the live rollups with the rebuilt ones where they differ.") var repair = false

    func run() async throws {
        let directory = dataDirectory ?? ProcessInfo.processInfo.environment["VOUCH_DATA_DIR"] ?? "./data"
        let reports = try await checkRollups(dataDirectory: directory, handle: tenant, repair: repair)
        if let tenant, reports.isEmpty { throw ValidationError("no tenant \(tenant)") }
        var unrepaired = false
        for (handle, report) in reports {
            let outcome = report.differences == 0 ? "consistent" : repair ? "repaired" : "DIFFERENT"
            print("\(handle): \(report.events) events replayed, \(report.differences) differing cells: \(outcome)")
            for sample in report.samples { print("  \(sample)") }
            unrepaired = unrepaired || (report.differences > 0 && !repair)
        }
        if unrepaired { throw ExitCode(1) }
    }
}
