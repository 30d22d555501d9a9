import Foundation
import SecureCookie
import SecureCookieJSON
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

    static func secrets(_ fields: PythonDict) throws -> [SecretKey] {
        guard case .list(let secretValues)? = fields["secrets"] else { throw SecureCookieError.malformed("no secrets") }
        return try secretValues.map { secret in
            guard case .dict(let entry) = secret else { throw SecureCookieError.malformed("secret") }
            if let hex = entry["hex"]?.stringValue, let key = SecretKey(hex: hex) { return key }
            return SecretKey(entry["text"]?.stringValue ?? "")
        }
    }

    static func format(_ fields: PythonDict) throws -> CookieFormat {
        let hashName = fields["hash"]?.stringValue ?? "sha1"
        let hash = try #require(HashMethod.all.first { $0.name == hashName })
        return CookieFormat(serializationMethod: .yaml, hashMethod: hash)
    }

    /// Python 3 cookies without an expiry, signed with the first key: writing their data again
    /// must give Werkzeug's cookie byte for byte (same sorted items, same `safe_dump` text, same MAC).
    static let rewritable = cases.filter {
        $0.fields["python"]?.stringValue?.hasPrefix("3") == true && $0.fields["expected"] != nil
            && $0.fields["now"] == nil && $0.fields["key_index"] == nil
    }

    @Test("writes the same cookie as Werkzeug", arguments: rewritable)
    func write(_ testCase: Case) throws {
        guard case .dict(let data)? = testCase.fields["expected"] else {
            Issue.record("expected is not a dict")
            return
        }
        var cookie = SecureCookie(data, secretKeys: try Self.secrets(testCase.fields), format: try Self.format(testCase.fields))
        #expect(try cookie.serialize() == testCase.fields["cookie"]?.stringValue)
    }

    @Test("reads each cookie as Werkzeug wrote it", arguments: cases)
    func read(_ testCase: Case) throws {
        let fields = testCase.fields
        let secrets = try Self.secrets(fields)
        let format = try Self.format(fields)
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
