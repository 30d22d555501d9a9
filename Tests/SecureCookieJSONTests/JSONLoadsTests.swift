import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// `json.loads(bytes)`: `Fixtures/json/loads-cases.jsonl`, made by `Fixtures/json/make_loads_cases.py`
/// with CPython 3.11. Results compare as tagged JSON text, so kinds (int or float) and dict order count.
@Suite struct JSONLoadsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: [UInt8]
        let tagged: String?
        let error: String?
        let loneSurrogate: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = JSONFixtures.records("loads-cases.jsonl").compactMap { record in
        guard let name = record["name"]?.stringValue, let input = record["input_base64"]?.stringValue.flatMap(JSONFixtures.base64)
        else { return nil }
        return Case(
            name: name, input: input, tagged: record["tagged"]?.stringValue, error: record["error"]?.stringValue,
            loneSurrogate: record["lone_surrogate"] == .bool(true))
    }

    @Test func fixtureIsComplete() {
        #expect(Self.cases.count == 123)
    }

    @Test(arguments: cases)
    func matchesPython(_ testCase: Case) throws {
        let result = outcome { try JSONSerializationMethod().loads(testCase.input[...], limits: .default) }
        if let tagged = testCase.tagged {
            #expect(TaggedJSON.line(try result.get()) == tagged)
            return
        }
        guard case .failure(let error) = result else {
            Issue.record("loaded what Python refuses (\(testCase.error ?? "lone surrogate"))")
            return
        }
        switch testCase.error {
        case "ValueError"?:
            // Python 3.11: "Exceeds the limit (4300 digits) for integer string conversion".
            #expect(error.limit == .integerDigits)
        case nil:
            // Deliberate deviation: Python builds a str holding a lone surrogate; a Swift string cannot.
            #expect(testCase.loneSurrogate)
            #expect(error.kind == .undecodable && error.reason.contains("surrogate"), "\(error)")
        default:
            // JSONDecodeError and UnicodeDecodeError.
            #expect(error.kind == .undecodable, "\(error)")
        }
    }

    @Test(arguments: [
        ("", "expecting value at end of input (offset 0)"),
        ("[1,]", "expecting value at offset 3"),
        ("[1 2]", "expecting ',' delimiter at offset 3"),
        (#"{"a" 1}"#, "expecting ':' delimiter at offset 5"),
        ("{1: 2}", "expecting property name enclosed in double quotes at offset 1"),
        ("[1] x", "extra data at offset 4"),
        (#""abc"#, "unterminated string starting at offset 0"),
        ("\"a\u{1}\"", "invalid control character at offset 2"),
        (#"["\q"]"#, "invalid \\escape at offset 2"),
        (#""\u12g4""#, "invalid \\uXXXX escape at offset 1"),
        (#"[1, "\udc00"]"#, "lone surrogate \\udc00 at offset 5"),
    ])
    func saysWhatAndWhere(_ text: String, _ reason: String) {
        let result = outcome { try JSONSerializationMethod().loads(Array(text.utf8)) }
        guard case .failure(let error) = result else {
            Issue.record("loaded \(text)")
            return
        }
        #expect(error.kind == .undecodable)
        #expect(error.reason == "JSON: " + reason || error.reason.hasPrefix("JSON: " + reason), "\(error.reason)")
    }

    @Test func invalidUTF8IsUndecodable() {
        let result = outcome { try JSONSerializationMethod().loads([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D]) }
        guard case .failure(let error) = result else {
            Issue.record("loaded invalid UTF-8")
            return
        }
        #expect(error.kind == .undecodable && error.reason.contains("UTF-8"))
    }

    @Test func enforcesValueBytes() throws {
        let limits = SecureCookieLimits(maximumValueBytes: 10)
        let ten = Array("[1,2,3,45]".utf8)
        #expect(try JSONSerializationMethod().loads(ten[...], limits: limits) == [1, 2, 3, 45])
        let eleven = Array("[1,2,3,456]".utf8)
        #expect {
            try JSONSerializationMethod().loads(eleven[...], limits: limits)
        } throws: { ($0 as? SecureCookieError)?.limit == .valueBytes }
    }

    @Test func enforcesDepthAndNodes() throws {
        let depth = SecureCookieLimits(maximumDepth: 3)
        #expect(try JSONSerializationMethod().loads(Array(#"[{"a": [1]}]"#.utf8)[...], limits: depth) == [["a": [1]]])
        #expect {
            try JSONSerializationMethod().loads(Array(#"[{"a": [[]]}]"#.utf8)[...], limits: depth)
        } throws: { ($0 as? SecureCookieError)?.limit == .depth }
        let nodes = SecureCookieLimits(maximumNodes: 5)
        // list, dict, key, value and 2: five nodes, as PythonValue.nodeCount counts them.
        let five = try JSONSerializationMethod().loads(Array(#"[{"a": 1}, 2]"#.utf8)[...], limits: nodes)
        #expect(five.nodeCount == 5)
        #expect {
            try JSONSerializationMethod().loads(Array(#"[{"a": 1}, 2, 3]"#.utf8)[...], limits: nodes)
        } throws: { ($0 as? SecureCookieError)?.limit == .nodes }
    }

    /// A deeply nested document costs no stack: the reader is iterative, and the depth limit is what stops it.
    @Test func deepInputHitsTheLimitNotTheStack() {
        let deep = Array(String(repeating: "[", count: 60_000).utf8)
        let limits = SecureCookieLimits(maximumDepth: 1_000_000, maximumValueBytes: 1 << 20)
        #expect {
            try JSONSerializationMethod().loads(deep[...], limits: limits)
        } throws: { ($0 as? SecureCookieError)?.kind == .undecodable }
    }

    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        let value = try JSONSerializationMethod().loads(Array(#"{"a": 1, "b": 2, "a": 3}"#.utf8))
        guard case .dict(let dict) = value else {
            Issue.record("not a dict")
            return
        }
        #expect(dict.orderedKeys == ["a", "b"] && dict.orderedValues == [3, 2])
    }

    @Test func readsFromASliceNotAtZero() throws {
        let bytes = Array("xx[1, 2.0]yy".utf8)
        let value = try JSONSerializationMethod().loads(bytes[2..<10], limits: .default)
        #expect(TaggedJSON.line(value) == "[1, 2.0]")
    }
}
