import Foundation
import SecureCookie
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// Reading hand-written inputs for each YAML 1.1 typing rule, against what PyYAML 6.0.4's
/// `yaml.safe_load` gave for the same bytes (`Fixtures/yaml/safe-load.jsonl`).
@Suite("YAML reading matches PyYAML safe_load")
struct YAMLSafeLoadTests {
    static let cases = YAMLFixtures.records("safe-load.jsonl")

    @Test("the fixture is present")
    func fixturePresent() {
        #expect(Self.cases.count >= 130)
    }

    @Test("same value or an error, as PyYAML", arguments: cases)
    func safeLoad(_ record: YAMLFixtures.Record) throws {
        let input = try #require(Data(base64Encoded: record.string("yaml_base64") ?? ""))
        let result = outcome { try YAMLSerializationMethod().loads([UInt8](input)) }
        if let expected = record["value"] {
            let value = try result.get()
            #expect(canonicalText(value) == canonicalText(expected))
        } else {
            #expect(throws: SecureCookieError.self) { try result.get() }
        }
    }

    @Test(
        "tags outside the safe set are refused, naming PyYAML's tags by their fixed part only, others by kind and length",
        arguments: [
            ("!!python/object/apply:os.system ['echo hi']", "tag !!python/object/apply"),
            ("!!python/name:os.system", "tag !!python/name"),
            ("a: [1, !!python/tuple [1]]", "tag !!python/tuple"),
            ("!foo bar", "tag <local tag, 4 bytes>"),
            ("!<tag:example.com,2000:app/x> 1", "tag <tag, 26 bytes>"),
            ("!!secret x", "tag <unknown !! tag, 24 bytes>"),
            ("a: =", "tag !!value"),
        ])
    func refusedTag(_ input: String, _ construct: String) {
        let result = outcome { try YAMLSerializationMethod().loads(Array(input.utf8)) }
        guard case .failure(let error) = result else {
            Issue.record("\(input) was accepted")
            return
        }
        #expect(error.kind == .refused)
        #expect(error.construct == construct)
    }

    @Test("PyYAML typing of plain scalars")
    func typing() throws {
        let yaml = YAMLSerializationMethod()
        func load(_ text: String) throws -> PythonValue { try yaml.loads(Array(text.utf8)) }
        #expect(canonicalText(try load("yes")) == canonicalText(.bool(true)))
        #expect(canonicalText(try load("0o17")) == canonicalText(.str("0o17")))
        #expect(canonicalText(try load("017")) == canonicalText(.int(15)))
        #expect(canonicalText(try load("1e3")) == canonicalText(.str("1e3")))
        #expect(canonicalText(try load("1.0e+3")) == canonicalText(.float(1000)))
        #expect(canonicalText(try load("190:20:30")) == canonicalText(.int(685_230)))
        #expect(canonicalText(try load("2002-12-14")) == canonicalText(.date(try #require(PythonDate(year: 2002, month: 12, day: 14)))))
    }

    @Test("an empty stream is None, as safe_load gives")
    func emptyStream() throws {
        #expect(canonicalText(try YAMLSerializationMethod().loads([])) == canonicalText(.none))
    }
}
