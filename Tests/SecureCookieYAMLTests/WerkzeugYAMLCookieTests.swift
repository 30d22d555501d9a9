import Foundation
import SecureCookie
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// Cookies written by real Werkzeug 0.16.1 with a YAML cookie type (`serialization_method` of
/// `yaml.safe_dump`/`yaml.safe_load`), under Python 3.11 and 2.7 (`Fixtures/werkzeug/`).
@Suite("YAML cookies written by Werkzeug")
struct WerkzeugYAMLCookieTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let fields: PythonDict
        var testDescription: String {
            (fields["python"]?.stringValue ?? "") + " " + (fields["name"]?.stringValue ?? "")
        }
    }

    static let cases: [Case] = ["cookies-py3.jsonl", "cookies-py2.7.jsonl"].flatMap { file -> [Case] in
        let url = TestPaths.fixtures.appendingPathComponent("werkzeug").appendingPathComponent(file)
        return ((try? TestPaths.lines(url)) ?? []).compactMap { line in
            guard line.contains("\"codec\": \"yaml\""), case .dict(let fields)? = try? TaggedJSON.decode(line) else { return nil }
            return Case(fields: fields)
        }
    }

    @Test("the fixtures are present")
    func present() {
        #expect(Self.cases.count >= 80)
    }

    @Test("reads each cookie as Werkzeug wrote it", arguments: cases)
    func read(_ testCase: Case) throws {
        let fields = testCase.fields
        guard case .list(let secretValues)? = fields["secrets"] else {
            Issue.record("no secrets")
            return
        }
        let secrets: [SecretKey] = try secretValues.map { secret in
            guard case .dict(let entry) = secret else { throw SecureCookieError.malformed("secret") }
            if let hex = entry["hex"]?.stringValue, let key = SecretKey(hex: hex) { return key }
            return SecretKey(entry["text"]?.stringValue ?? "")
        }
        let hashName = fields["hash"]?.stringValue ?? "sha1"
        let hash = try #require(HashMethod.all.first { $0.name == hashName })
        let format = CookieFormat(serializationMethod: .yaml, hashMethod: hash)
        var now: Double?
        switch fields["now"] {
        case .int(let value)?: now = Double(value)
        case .float(let value)?: now = value
        default: now = nil
        }
        let cookie = try #require(fields["cookie"]?.stringValue)
        let result = outcome { try SecureCookie.unserialize(cookie, secretKeys: secrets, format: format, now: now) }
        if let expectedError = fields["expected_error"]?.stringValue {
            guard case .failure(let error) = result else {
                Issue.record("expected \(expectedError), got a cookie")
                return
            }
            #expect(error.kind.rawValue == expectedError)
            return
        }
        let expected = try #require(fields["expected"])
        let read = try result.get()
        #expect(canonicalText(.dict(read.data)) == canonicalText(expected))
    }
}
