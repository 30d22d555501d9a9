import Foundation
import SecureCookie
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// Writing, against what PyYAML 6.0.4 wrote for the same values (`Fixtures/yaml/safe-dump.jsonl`):
/// `yaml.safe_dump(value)` and the same representer through libyaml's emitter (`CSafeDumper`).
///
/// This codec emits with libyaml, so its text is `safe_dump`'s wherever libyaml's emitter writes
/// what PyYAML's own emitter writes; where the two emitters differ (long double-quoted lines,
/// an empty-string key), it is libyaml's text, which `safe_load` reads back to the same value.
@Suite("YAML writing matches PyYAML safe_dump")
struct YAMLSafeDumpTests {
    static let cases = YAMLFixtures.records("safe-dump.jsonl")

    /// libyaml's output as this codec finishes it: PyYAML's `...` after a plain root scalar.
    static func finished(_ libyaml: String, root: PythonValue) -> String {
        switch root {
        case .list, .tuple, .dict, .set, .frozenset: return libyaml
        default:
            guard let first = libyaml.first, !"'\"!|>".contains(first) else { return libyaml }
            return libyaml + "...\n"
        }
    }

    @Test("the fixture is present")
    func fixturePresent() {
        #expect(Self.cases.count >= 90)
    }

    @Test("same text as safe_dump (libyaml's where the emitters differ), or unrepresentable", arguments: cases)
    func safeDump(_ record: YAMLFixtures.Record) throws {
        let value = try #require(record["value"])
        let result = outcome { try YAMLSerializationMethod().dumps(value) }
        guard let safeDump = record.string("safe_dump"), let libyaml = record.string("libyaml") else {
            #expect(throws: SecureCookieError.self) { try result.get() }
            if case .failure(let error) = result { #expect(error.kind == .unrepresentable) }
            return
        }
        let text = String(decoding: try result.get(), as: UTF8.self)
        let expected = Self.finished(libyaml, root: value) == safeDump ? safeDump : Self.finished(libyaml, root: value)
        #expect(text == expected)
    }

    @Test("byte-identical to safe_dump for most of the corpus")
    func identicalCount() throws {
        var identical = 0
        var representable = 0
        for record in Self.cases {
            guard let value = record["value"], let safeDump = record.string("safe_dump") else { continue }
            representable += 1
            if let bytes = try? YAMLSerializationMethod().dumps(value), String(decoding: bytes, as: UTF8.self) == safeDump {
                identical += 1
            }
        }
        // The known emitter differences: two long double-quoted strings with escapes, one empty-string key.
        #expect(identical == representable - 3)
    }

    @Test("reads back what it writes, as safe_load reads it back", arguments: cases)
    func roundTrip(_ record: YAMLFixtures.Record) throws {
        guard let value = record["value"], let reloaded = record["reloaded"] else { return }
        let bytes = try YAMLSerializationMethod().dumps(value)
        let back = try YAMLSerializationMethod().loads(bytes)
        #expect(canonicalText(back) == canonicalText(reloaded))
    }
}
