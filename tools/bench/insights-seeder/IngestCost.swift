import Foundation
import Insights
import Storage

/// What the projections cost at ingest: the same clicks, spread over the year as the seed spreads them, into a fresh
/// store with and without `InsightsProjector` on the bus. Only the clicks are timed, not the tenant's set-up.
enum IngestCost {
    /// When the recorded clicks are folded into the rollups during a timed run.
    enum Folding {
        /// As often as the server does while recording, and what is left at the end: all in the time.
        case alongside
        /// Only once every click is recorded: the time to record them and the time to fold them, apart.
        case afterwards
    }

    struct Timing {
        let recordSeconds: Double
        let foldSeconds: Double
    }

    static func run(
        clicks: Int, affiliates: Int, tasks: Int, projections: Bool, folding: Folding = .alongside, start: Date, days: Int
    ) async throws -> Timing {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-ingest-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let services = try SeedServices(dataDirectory: directory, projections: projections)
        let bench = try await BenchTenant.create(in: services, affiliates: affiliates, coupons: 0, tasks: tasks, at: start - Recorder.day)
        let model = TrafficModel(affiliates: affiliates)
        let recorder = Recorder(services: services, bench: bench, schedule: Schedule(start: start, days: days), tally: Tally(), customerPool: 1)
        let perDay = TrafficModel.split(clicks, by: TrafficModel.dayWeights(firstDay: Int(start.timeIntervalSince1970 / 86_400), count: days))
        // Planned before the clock starts: only recording is timed.
        let plans = (0..<days).map { model.clicks(day: $0, start: start + Double($0) * Recorder.day, count: perDay[$0], saleShares: (0, 0)) }
        let record = { for plan in plans { try await replayConcurrently(plan, tasks: tasks) { try await recorder.record($0) } } }
        let began = Date()
        switch folding {
        case .alongside: try await whileFolding(services.folder, record)
        case .afterwards: try await record()
        }
        let recorded = Date()
        if folding == .afterwards { try await services.folder.fold() }
        let timing = Timing(recordSeconds: recorded.timeIntervalSince(began), foldSeconds: Date().timeIntervalSince(recorded))
        await services.store.shutdown()
        guard recorder.tally["clicks"] == clicks else { throw SeederError("only \(recorder.tally["clicks"]) of \(clicks) clicks recorded: \(recorder.tally.all)") }
        return timing
    }
}

struct SeederError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
