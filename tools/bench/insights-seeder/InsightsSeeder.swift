import ArgumentParser
import Foundation
import Insights
import Kernel
import Storage

/// `insights-seeder`: loads a year of one tenant's activity through the real services for the insights benchmark
/// (`tools/bench/insights.sh`), and measures what the Insights projections cost at ingest.
@main
struct InsightsSeeder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights-seeder", abstract: "Seeds and measures the insights benchmark's data.", subcommands: [Seed.self, Cost.self])
}

/// The first of `days` whole UTC days that end at today's midnight.
func seededYearStart(days: Int) -> Date {
    let today = (Date().timeIntervalSince1970 / Recorder.day).rounded(.down) * Recorder.day
    return Date(timeIntervalSince1970: today - Double(days) * Recorder.day)
}

/// One line to standard output at once, unbuffered: progress shows while the seed runs.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func writeJSON(_ object: [String: Any], to path: String?) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    if let path { try data.write(to: URL(fileURLWithPath: path)) }
    say(String(decoding: data, as: UTF8.self))
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Loads tenant `bench` with a year of clicks, leads and sales into a new data directory.")

    @Argument(help: "The data directory (an LMDB environment; created when missing, must not hold tenant `bench` yet).")
    var dataDirectory: String
    @Option var clicks = 10_000_000
    @Option var leads = 200_000
    @Option(help: "Sale rows, renewals included.") var conversions = 100_000
    @Option var affiliates = 5_000
    @Option(help: "Concurrent clients.") var tasks = 64
    @Option var days = 365
    @Option(help: "Where to write the figures and ids as JSON.") var report: String?

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let start = seededYearStart(days: days)
        let services = try SeedServices(dataDirectory: dataDirectory, projections: true)
        // Marked as the server marks the stores it creates, so that it serves this one without rebuilding it.
        try await RollupLayout.markCurrent(in: services.store)
        let setUp = Date()
        let coupons = min(200, affiliates)
        let bench = try await BenchTenant.create(in: services, affiliates: affiliates, coupons: coupons, tasks: tasks, at: start - Recorder.day)
        say("tenant bench: 3 programs, \(affiliates) affiliates, \(coupons) coupons in \(Int(Date().timeIntervalSince(setUp))) s")
        let recorder = Recorder(
            services: services, bench: bench, schedule: Schedule(start: start, days: days), tally: Tally(), customerPool: conversions * 3 / 2)
        let model = TrafficModel(affiliates: affiliates)
        let seeder = YearSeeder(
            recorder: recorder, model: model,
            volume: .init(clicks: clicks, leads: leads, conversions: conversions, affiliates: affiliates), tasks: tasks, start: start, days: days)
        let began = Date()
        let clickSeconds = try await whileFolding(services.folder) { try await seeder.run(log: say) }
        await services.store.shutdown()
        let seconds = Date().timeIntervalSince(began)
        let counts = recorder.tally.all
        let writes = counts.filter { !$0.key.contains("ignored") && !$0.key.contains("duplicate") }.values.reduce(0, +)
        try writeJSON(
            [
                "firstDay": String(Timestamp.format(start).prefix(10)), "days": days, "seconds": Int(seconds), "counts": counts,
                "clicksPerSecond": Int(Double(counts["clicks"] ?? 0) / clickSeconds), "eventsPerSecond": Int(Double(writes) / seconds),
                "tenant": "bench", "affiliates": affiliates, "busiestAffiliateShare": model.affiliates.share(of: 0), "shopProgramId": bench.programs[BenchProgram.shop.rawValue].description,
                "busiestAffiliateId": bench.affiliates[0].description, "medianAffiliateId": bench.affiliates[affiliates / 2].description,
            ], to: report)
    }
}

struct Cost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-cost", abstract: "Clicks per second into fresh stores with and without the Insights projector, alternating, and with the fold timed apart.")

    @Option var clicks = 200_000
    @Option var affiliates = 5_000
    @Option var tasks = 64
    @Option var rounds = 3
    @Option var days = 365
    @Option var report: String?

    func run() async throws {
        let start = seededYearStart(days: days)
        var with: [Double] = []
        var without: [Double] = []
        var recordedOnly: [Double] = []
        var foldSeconds: [Double] = []
        func measure(projections: Bool, folding: IngestCost.Folding = .alongside) async throws -> (rate: Double, foldSeconds: Double) {
            let timing = try await IngestCost.run(
                clicks: clicks, affiliates: affiliates, tasks: tasks, projections: projections, folding: folding, start: start, days: days)
            return (Double(clicks) / timing.recordSeconds, timing.foldSeconds)
        }
        for round in 1...rounds {
            // Alternating which goes first, so neither always meets a warmer page cache.
            for projections in round % 2 == 1 ? [false, true] : [true, false] {
                let rate = try await measure(projections: projections).rate
                say("round \(round), \(projections ? "with" : "without") projections: \(Int(rate)) clicks/s")
                if projections { with.append(rate) } else { without.append(rate) }
            }
            let split = try await measure(projections: true, folding: .afterwards)
            say("round \(round), with projections folded afterwards: \(Int(split.rate)) clicks/s, then \(split.foldSeconds) s to fold")
            recordedOnly.append(split.rate)
            foldSeconds.append(split.foldSeconds)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        func ratio(_ value: Double) -> Double { (value / median(without) * 1000).rounded() / 1000 }
        try writeJSON(
            [
                "clicks": clicks, "rounds": rounds, "withProjections": with.map { Int($0) }, "withoutProjections": without.map { Int($0) },
                "medianWith": Int(median(with)), "medianWithout": Int(median(without)), "ratio": ratio(median(with)),
                "recordedOnly": recordedOnly.map { Int($0) }, "medianRecordedOnly": Int(median(recordedOnly)),
                "recordingRatio": ratio(median(recordedOnly)), "medianFoldSeconds": (median(foldSeconds) * 100).rounded() / 100,
            ], to: report)
    }
}
