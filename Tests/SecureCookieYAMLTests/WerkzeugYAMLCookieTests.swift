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
    static let cases = WerkzeugCookieFixture.of(codec: "yaml")

    @Test("the fixtures are present")
    func present() {
        #expect(Self.cases.count >= 80)
    }

    static func format(_ fixture: WerkzeugCookieFixture) throws -> CookieFormat {
        CookieFormat(serializationMethod: .yaml, hashMethod: try #require(fixture.hashMethod))
    }

    /// Python 3 cookies without an expiry, signed with the first key: writing their data again
    /// must give Werkzeug's cookie byte for byte (same sorted items, same `safe_dump` text, same MAC).
    static let rewritable = cases.filter { $0.isRewritable && $0.now == nil }

    @Test("writes the same cookie as Werkzeug", arguments: rewritable)
    func write(_ fixture: WerkzeugCookieFixture) throws {
        guard case .dict(let data)? = fixture.expected else {
            Issue.record("expected is not a dict")
            return
        }
        var cookie = SecureCookie(data, secretKeys: fixture.secretKeys, format: try Self.format(fixture))
        #expect(try cookie.serialize() == fixture.cookie)
    }

    @Test("reads each cookie as Werkzeug wrote it", arguments: cases)
    func read(_ fixture: WerkzeugCookieFixture) throws {
        let format = try Self.format(fixture)
        let result = outcome {
            try SecureCookie.unserialize(fixture.cookie, secretKeys: fixture.secretKeys, format: format, now: fixture.now)
        }
        if let expectedError = fixture.expectedError {
            guard case .failure(let error) = result else {
                Issue.record("expected \(expectedError), got a cookie")
                return
            }
            #expect(error.kind.rawValue == expectedError)
            return
        }
        let expected = try #require(fixture.expected)
        let read = try result.get()
        #expect(canonicalText(.dict(read.data)) == canonicalText(expected))
    }
}
