import Kernel
import TestSupport
import Testing

@Suite struct JSONTests {
    @Test func parsedValuesKeepTheirTypes() throws {
        let value = try JSONValue.parse(Array(#"{"a":1,"b":2.5,"c":true,"d":null,"e":"x","f":[1,"y"],"g":20.0}"#.utf8))
        #expect(value["a"] == .int(1))
        #expect(value["b"] == .double(2.5))
        #expect(value["c"] == .bool(true))
        #expect(value["d"] == .null)
        #expect(value["e"] == .string("x"))
        #expect(value["f"] == .array([.int(1), .string("y")]))
        #expect(value["g"] == .int(20))
    }

    @Test func serializingKeepsOrderNullsAndEscapes() {
        let value = JSONValue.object([
            ("z", .null), ("a", .double(20)), ("q", .string("say \"hi\"\n\u{1}\\")), ("n", .array([.int(-3), .bool(false)])),
        ])
        #expect(value.jsonString == #"{"z":null,"a":20.0,"q":"say \"hi\"\n\u0001\\","n":[-3,false]}"#)
        let nested = JSONValue.array([.object([("a", .array([])), ("b", .object([]))]), .object([]), .string("s")])
        #expect(nested.jsonString == #"[{"a":[],"b":{}},{},"s"]"#)
    }

    @Test func trimmingDropsUnicodeSpaceAndKeepsVisibleEnds() {
        #expect("a  b".trimmingWhitespace() == "a  b")
        #expect("\u{A0}a b\u{2003}".trimmingWhitespace() == "a b")
        #expect("\ta\n".trimmingWhitespace() == "a" && " ".trimmingWhitespace() == "" && "".trimmingWhitespace() == "")
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        #expect(try JSONValue.parse(Array(#""a\u00e9\ud83d\ude00\n""#.utf8)) == .string("aé😀\n"))
    }

    @Test func roundTripsThroughTheParser() throws {
        let value = JSONValue.object([("name", .string("Ünïcödé ✓")), ("list", .array([.double(0.1), .null]))])
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test(arguments: ["{", "", "{\"a\":}", "nul", "[1,]", "{\"a\":1,}", "01", "1.", "\"\u{1}\"", "[1] x", String(repeating: "[", count: 100)])
    func malformedJSONIsAValidationError(text: String) async {
        let error = await domainError { _ = try JSONValue.parse(Array(text.utf8)) }
        #expect(error?.code == "validation_failed")
    }

    @Test func fieldReaderTellsAbsentFromNullAndNamesTheField() async throws {
        let reader = try FieldReader(try JSONValue.parse(Array(#"{"a":null,"n":"5","b":true,"s":"  x  ","e":"Blue"}"#.utf8)))
        #expect(try reader.string("a").isPresent)
        #expect(try reader.string("a").value == nil)
        #expect(!(try reader.string("missing").isPresent))
        #expect(try reader.string("s").value == "x")
        #expect(try reader.bool("b").value == true)
        let typeError = await domainError { _ = try reader.integer("n", in: 0...10) }
        #expect(typeError?.field == "n")
        #expect(typeError?.message.contains("integer") == true)
        let enumError = await domainError { _ = try reader.oneOf("e", Color.self) }
        #expect(enumError?.field == "e")
        #expect(enumError?.message.contains("Red | Green") == true)
        let notObject = await domainError { _ = try FieldReader(.array([])) }
        #expect(notObject?.code == "validation_failed")
    }

    enum Color: String, CaseIterable { case red = "Red", green = "Green" }
}
