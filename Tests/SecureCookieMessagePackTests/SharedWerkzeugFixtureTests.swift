import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookieTestKit
import Testing

/// The project's held-out Werkzeug 0.16.1 cookies (`Fixtures/werkzeug/cookies-py3.jsonl` and
/// `cookies-py2.7.jsonl`, made by `Fixtures/werkzeug/make_fixtures.py`), the MessagePack ones:
/// every hash, key rotation, expiry, tampering, written by Python 3 and by Python 2.7.
@Suite("held-out Werkzeug MessagePack cookies")
struct SharedWerkzeugFixtureTests {
    static let cookies = WerkzeugCookieFixture.of(codec: "msgpack")

    @Test("there are held-out MessagePack cookies from both Pythons")
    func present() throws {
        #expect(Self.cookies.filter(\.isPython3).count >= 40)
        #expect(Self.cookies.filter { $0.python.hasPrefix("2.7") }.count >= 40)
    }

    @Test("each reads to Werkzeug's data or fails with the expected kind", arguments: cookies)
    func reads(_ fixture: WerkzeugCookieFixture) throws {
        let hash = try #require(fixture.hashMethod)
        let format = CookieFormat(serializationMethod: .msgpack, hashMethod: hash)
        let secrets = fixture.secretKeys
        if let expected = fixture.expected {
            let read = try SecureCookie.unserialize(fixture.cookie, secretKeys: secrets, format: format, now: fixture.now)
            #expect(same(.dict(read.data), expected), "\(TaggedJSON.text(.dict(read.data)))")
        } else {
            let expectedKind = try #require(fixture.expectedError)
            let error = thrownError {
                try SecureCookie.unserialize(fixture.cookie, secretKeys: secrets, format: format, now: fixture.now)
            }
            #expect(error?.kind.rawValue == expectedKind, "\(String(describing: error))")
        }
    }

    @Test("Python 3 cookies signed with the first key serialize back to the same bytes", arguments: cookies.filter(\.isRewritable))
    func writes(_ fixture: WerkzeugCookieFixture) throws {
        guard case .dict(let data)? = fixture.expected else { return }
        let hash = try #require(fixture.hashMethod)
        var cookie = SecureCookie(
            data, secretKeys: fixture.secretKeys, format: CookieFormat(serializationMethod: .msgpack, hashMethod: hash))
        #expect(try cookie.serialize(expires: fixture.expires.map(Int64.init)) == fixture.cookie)
    }
}
