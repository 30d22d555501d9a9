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

    struct Case: Sendable, CustomTestStringConvertible {
        let fields: PythonDict
        var testDescription: String { (fields["python"]?.stringValue ?? "") + " " + (fields["name"]?.stringValue ?? "") }
    }

    /// `Fixtures/werkzeug/cookies-*.jsonl` lines of the JSON cookie type (written by real Werkzeug).
    static let cases: [Case] = ["cookies-py3.jsonl", "cookies-py2.7.jsonl"].flatMap { file in
        JSONFixtures.records(file, folder: "werkzeug", tagged: true).filter { $0["codec"]?.stringValue == "json" }.map(Case.init)
    }

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 80)
    }

    @Test(arguments: cases)
    func readsAndRewritesWerkzeugCookies(_ testCase: Case) throws {
        let fields = testCase.fields
        guard case .list(let secretValues)? = fields["secrets"] else {
            Issue.record("no secrets")
            return
        }
        let secrets: [SecretKey] = secretValues.compactMap { secret in
            guard case .dict(let entry) = secret else { return nil }
            if let hex = entry["hex"]?.stringValue { return SecretKey(hex: hex) }
            return entry["text"]?.stringValue.map { SecretKey($0) }
        }
        let hashName = try #require(fields["hash"]?.stringValue)
        let hash = try #require(HashMethod.all.first { $0.name == hashName })
        let format = CookieFormat(serializationMethod: .json, hashMethod: hash)
        let now = fields["now"]?.intValue.map(Double.init)
        let cookieText = try #require(fields["cookie"]?.stringValue)
        let result = outcome { try SecureCookie.unserialize(cookieText, secretKeys: secrets, format: format, now: now) }
        if let expectedError = fields["expected_error"]?.stringValue {
            guard case .failure(let error) = result else {
                Issue.record("expected \(expectedError), got a cookie")
                return
            }
            #expect(error.kind.rawValue == expectedError)
            return
        }
        var cookie = try result.get()
        // Werkzeug's value, as tagged JSON in the fixture.
        let expected = try #require(fields["expected"])
        #expect(JSONFixtures.canonicalText(.dict(cookie.data)) == JSONFixtures.canonicalText(expected))
        // Written again with the signing key, the cookie is Werkzeug's, byte for byte: same json.dumps text.
        guard fields["key_index"] == nil else { return }
        let expires = fields["expires"]?.intValue.map(Int64.init)
        #expect(try cookie.serialize(expires: expires) == cookieText)
    }
}
