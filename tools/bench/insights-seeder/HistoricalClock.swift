import Foundation
import Kernel

/// The seeder's clock: each task sets the time of the event it records, so records, ids, signatures and rollup
/// cells all carry the event's historical date, as if the services had run on that day.
struct HistoricalClock: WallClock {
    @TaskLocal static var current = Date()

    func now() -> Date { Self.current }
}
