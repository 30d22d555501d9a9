import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// The codec inside a real cookie: Werkzeug 0.16.1's `SecureCookie` with `serialization_method = json`.
@Suite struct WerkzeugJSONCookieTests {
    /// Values are base64 of `json.dumps(value)`: key `k` of `{'a': 1, 'b': 2}` gives `MQ==`/`Mg==`,
    /// key `foo` of `{'x': 42, 'a b/é': 'v'}` gives `InYi` and `NDI=` (Werkzeug's own output).
    @Test(arguments: [
        (PythonValue.int(1), "MQ=="), (.int(2), "Mg=="), (.str("v"), "InYi"), (.int(42), "NDI="),
    ])
    func knownValueAnswers(_ value: PythonValue, _ quoted: String) throws {
        let bytes = try JSONSerializationMethod().dumps(value)
        #expect(Base64.encode(bytes) == quoted)
        var decoded: [UInt8] = []
        #expect(Base64.decode(quoted.utf8, into: &decoded))
        #expect(try JSONSerializationMethod().loads(decoded) == value)
    }

    /// The example of the module's documentation, as written there.
    @Test func documentationExample() throws {
        var cookie = SecureCookie(["user": "alice", "roles": ["admin"]], secretKey: "secret", format: .json)
        let header = try cookie.serialize()
        let read = try SecureCookie.unserialize(header, secretKey: "secret", format: .json)
        #expect(read["user"] == "alice" && read["roles"] == ["admin"])
        // Items in key order, each value base64 of json.dumps: ["admin"] and "alice".
        #expect(header.hasSuffix("?roles=WyJhZG1pbiJd&user=ImFsaWNlIg=="))
    }

    /// `Fixtures/werkzeug/cookies-*.jsonl` lines of the JSON cookie type (written by real Werkzeug).
    static let cases = WerkzeugCookieFixture.of(codec: "json")

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 80)
    }

    @Test(arguments: cases)
    func readsAndRewritesWerkzeugCookies(_ fixture: WerkzeugCookieFixture) throws {
        let hash = try #require(fixture.hashMethod)
        let format = CookieFormat(serializationMethod: .json, hashMethod: hash)
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
        var cookie = try result.get()
        // Werkzeug's value, as tagged JSON in the fixture.
        let expected = try #require(fixture.expected)
        #expect(JSONFixtures.canonicalText(.dict(cookie.data)) == JSONFixtures.canonicalText(expected))
        // Written again with the signing key, the cookie is Werkzeug's, byte for byte: same json.dumps text.
        guard fixture.keyIndex == nil else { return }
        #expect(try cookie.serialize(expires: fixture.expires.map(Int64.init)) == fixture.cookie)
    }
}
