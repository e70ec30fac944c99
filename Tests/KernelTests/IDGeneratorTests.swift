import Foundation
import Kernel
import Testing

enum WidgetTag {}

@Suite struct IDGeneratorTests {
    @Test func idsAreVersion7WithTheClockInTheirFirst48Bits() {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000.123))
        let id: TypedID<WidgetTag> = IDGenerator(clock: clock).next()
        let bytes = id.bytes
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[8] >> 6 == 0b10)
        let millis = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(millis == 1_780_000_000_123)
    }

    @Test func idsMintedInTheSameMillisecondStillSortInMintingOrder() {
        let generator = IDGenerator(clock: ManualClock(Date(timeIntervalSince1970: 1_780_000_000)))
        let ids: [TypedID<WidgetTag>] = (0..<10_000).map { _ in generator.next() }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
    }

    /// Ids continue above one an earlier process minted ahead of this clock, and follow the clock again once it
    /// passes that id.
    @Test func advancingPastAnIdKeepsLaterIdsAboveIt() {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let ahead: TypedID<WidgetTag> = IDGenerator(clock: ManualClock(start.addingTimeInterval(60))).next()
        let clock = ManualClock(start)
        let generator = IDGenerator(clock: clock)
        generator.advance(past: ahead)
        let ids: [TypedID<WidgetTag>] = (0..<5_000).map { _ in generator.next() }
        #expect(ids.allSatisfy { $0 > ahead } && ids == ids.sorted())
        clock.advance(by: 120)
        let later: TypedID<WidgetTag> = generator.next()
        #expect(later.bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == 1_780_000_120_000)
    }

    @Test func randomTailsDoNotRepeatAcrossRefillsOfThePool() {
        let generator = IDGenerator(clock: ManualClock(Date(timeIntervalSince1970: 1_780_000_000)))
        let tails = (0..<1_000).map { _ in (generator.next() as TypedID<WidgetTag>).bytes[8...] }
        #expect(Set(tails).count == tails.count)
        #expect(tails.allSatisfy { $0.contains { $0 & 0x3F != 0 } })
    }

    @Test func parsingAcceptsOnlyUUIDs() {
        let id: TypedID<WidgetTag> = IDGenerator(clock: SystemClock()).next()
        #expect(TypedID<WidgetTag>(id.description) == id)
        #expect(TypedID<WidgetTag>(id.description.uppercased()) == id)
        #expect(TypedID<WidgetTag>("123") == nil)
        #expect(TypedID<WidgetTag>("not-a-uuid-at-all-but-36-characters!") == nil)
        #expect(id.description == id.description.lowercased())
    }

    @Test func idsReadAndWriteAsFoundationsUUIDsDo() {
        let generator = IDGenerator(clock: SystemClock())
        for _ in 0..<100 {
            let id: TypedID<WidgetTag> = generator.next()
            #expect(id.description == id.uuid.uuidString.lowercased())
            #expect(TypedID<WidgetTag>(id.uuid.uuidString)?.uuid == id.uuid)
        }
        // Forms outside the canonical one keep Foundation's lenient reading.
        for text in [" 190a0b0-1234-7abc-8def-0123456789ab", "0x90a0b0-1234-7abc-8def-0123456789ab", "0190a0b0-1234-7abc-8def-0123456789a "] {
            #expect(TypedID<WidgetTag>(text)?.uuid == UUID(uuidString: text))
        }
    }
}
