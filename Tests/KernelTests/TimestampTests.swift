import Foundation
import Kernel
import Testing

@Suite struct TimestampTests {
    /// The arithmetic formatter agrees with Foundation's ISO-8601 style across centuries, leap days and negative epochs.
    @Test func formattingAgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        let fixed: [TimeInterval] = [0, -1, 951_782_400, 4_107_456_000, 1_709_164_800, 1_780_000_000.999, -2_208_988_800]
        let random = (0..<2_000).map { _ in TimeInterval(Int64.random(in: -2_000_000_000...8_000_000_000, using: &generator)) }
        for seconds in fixed + random {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = Date(timeIntervalSince1970: seconds.rounded(.down)).formatted(.iso8601)
            #expect(Timestamp.format(date) == expected, "\(seconds)")
        }
    }

    @Test func parsingAcceptsZuluOffsetsAndFractions() {
        #expect(Timestamp.parse("2026-05-01T12:00:00Z") == Date(timeIntervalSince1970: 1_777_636_800))
        #expect(Timestamp.parse("2026-05-01T14:00:00+02:00") == Date(timeIntervalSince1970: 1_777_636_800))
        #expect(Timestamp.parse("2026-05-01T12:00:00.500Z") == Date(timeIntervalSince1970: 1_777_636_800.5))
        #expect(Timestamp.parse("yesterday") == nil)
    }

    @Test func queryBoundsMayBeDatesOrTimesWithoutAnOffset() {
        #expect(Timestamp.parse(timeOrDate: "2026-05-01T12:00:00") == Date(timeIntervalSince1970: 1_777_636_800))
        #expect(Timestamp.parse(timeOrDate: "2026-05-01") == Date(timeIntervalSince1970: 1_777_593_600))
        #expect(Timestamp.parse(timeOrDate: "2026-05-01T14:00:00+02:00") == Date(timeIntervalSince1970: 1_777_636_800))
        #expect(Timestamp.parse(timeOrDate: "yesterday") == nil && Timestamp.parse(timeOrDate: "2026-05") == nil)
    }
}
