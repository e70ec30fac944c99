import Foundation
import Kernel
import TestSupport
import Testing

@Suite struct PagingTests {
    @Test func cursorsRoundTrip() throws {
        let cursor = Cursor(position: "0a1b2c")
        #expect(try Cursor(token: cursor.token) == cursor)
        #expect(!cursor.token.contains("="))
    }

    @Test func base64URLIsFoundationsBase64WithURLCharactersAndNoPadding() {
        for count in 0..<40 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255) }
            let foundation = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == foundation)
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test(arguments: ["", "zzz", "!!!", "djI6YWJj", String(repeating: "a", count: 600)])
    func malformedCursorsAreValidationErrorsOnCursor(token: String) async {
        let error = await domainError { _ = try Cursor(token: token) }
        #expect(error?.code == "validation_failed")
        #expect(error?.field == "cursor")
    }

    @Test func takeDefaultsTo50AndAllowsOneTo200() async throws {
        #expect(try PageRequest(take: nil, cursor: nil).take == 50)
        #expect(try PageRequest(take: "200", cursor: nil).take == 200)
        for bad in ["0", "201", "-1", "ten", "1.5"] {
            let error = await domainError { _ = try PageRequest(take: bad, cursor: nil) }
            #expect(error?.field == "take")
        }
    }

    @Test func pagesWalkAKeyspaceNewestFirstWithoutGapsOrRepeats() async throws {
        try await withTemporaryDatabase { database, _ in
            let space = Keyspace.tenant(testTenant(1), "item")
            try await database.write { store, _ in
                for number in UInt64(0)..<7 { try store.put(.records, space.key(number), [UInt8(number)]) }
            }
            var seen: [UInt8] = []
            var cursor: Cursor?
            repeat {
                let page = try database.read { store in
                    try store.page(.records, in: space, request: PageRequest(take: 3, cursor: cursor)) { $0.first }
                }
                seen += page.items
                cursor = page.nextCursor
                #expect(page.hasMore == (cursor != nil))
            } while cursor != nil
            #expect(seen == [6, 5, 4, 3, 2, 1, 0])
        }
    }

    @Test func aFilteredPageSkipsRecordsAndStillFillsUp() async throws {
        try await withTemporaryDatabase { database, _ in
            let space = Keyspace.tenant(testTenant(1), "item")
            try await database.write { store, _ in
                for number in UInt64(0)..<10 { try store.put(.records, space.key(number), [UInt8(number)]) }
            }
            let page = try database.read { store in
                try store.page(.records, in: space, request: PageRequest(take: 3), newestFirst: false) { value in
                    value[0] % 2 == 0 ? value[0] : nil
                }
            }
            #expect(page.items == [0, 2, 4])
            #expect(page.hasMore)
        }
    }
}
