import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// The disagreement classes the differential run (`Interop/yaml-diff`) found, each fixed: merge
/// keys deduplicated by identity as PyYAML 6.0.4 does, PyYAML's level-by-level construction order
/// (a `=` key aliased before its mapping is flattened), sexagesimal floats with an exact base, `int()`/`float()` text with signs, spaces and Unicode digits. The expected
/// values are PyYAML's own (`Interop/yaml-diff/regressions.py` wrote `regressions.jsonl`).
@Suite("YAML differential regressions match PyYAML safe_load")
struct YAMLDifferentialRegressionTests {
    static let cases: [YAMLFixtures.Record] = {
        let url = TestPaths.packageRoot.appendingPathComponent("Interop/yaml-diff/regressions.jsonl")
        guard let lines = try? TestPaths.lines(url) else { return [] }
        return lines.compactMap { line in
            guard case .dict(let fields)? = try? TaggedJSON.decode(line) else { return nil }
            return YAMLFixtures.Record(fields: fields)
        }
    }()

    @Test("the fixture covers every class")
    func fixturePresent() {
        let classes = Set(Self.cases.compactMap { $0.string("class") })
        #expect(classes == ["merge-identity", "construction-order", "sexagesimal-float", "int-text", "float-text"])
        #expect(Self.cases.count >= 50)
    }

    @Test("same value, or an error, as PyYAML", arguments: cases)
    func regression(_ record: YAMLFixtures.Record) throws {
        let input = try #require(Data(base64Encoded: record.string("yaml_base64") ?? ""))
        let result = outcome { try YAMLSerializationMethod().loads([UInt8](input)) }
        if let expected = record["value"] {
            let value = try result.get()
            #expect(canonicalText(value) == canonicalText(expected))
            // Dict order matters for merges (and is what Python prints): compare it too.
            #expect(try TaggedJSON.encode(value) == TaggedJSON.text(expected))
        } else {
            #expect(throws: SecureCookieError.self) { try result.get() }
        }
    }
}
