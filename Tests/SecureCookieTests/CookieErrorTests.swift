import Testing

@testable import SecureCookie

/// Each way a cookie can be wrong gives its own kind, checked in Werkzeug's order:
/// structure, then the MAC, then each value, then `_expires`.
@Suite struct CookieErrorTests {
    static let valid = "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg=="

    static func kind(of cookie: String, format: DigitsCookie = DigitsCookie()) -> SecureCookieError.Kind? {
        do {
            _ = try SecureCookie.unserialize(cookie, secretKey: "k", format: format, now: 0)
            return nil
        } catch let error as SecureCookieError {
            return error.kind
        } catch {
            return nil
        }
    }

    @Test(arguments: [
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=", "no ?"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b", "item without ="),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&", "empty trailing item"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?a%zz=MQ==", "bad % escape"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?a%2=MQ==", "truncated % escape"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?%FF=MQ==", "key that is not UTF-8"),
    ])
    func structureErrorsAreMalformed(cookie: String, why: String) {
        #expect(Self.kind(of: cookie) == .malformed, "\(why)")
    }

    @Test(arguments: [
        ("XqZOmAc4aVSF3N3Kri4mETmzR11=?a=MQ==&b=Mg==", "non-canonical trailing bits, which Python's lenient decoder accepts"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10?a=MQ==&b=Mg==", "missing padding"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR1==?a=MQ==&b=Mg==", "wrong length"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mw==", "tampered value"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?b=Mg==&a=MQ==", "reordered items"),
        ("XqZOmAc4aVSF3N3Kri4mETmzR10=?", "empty body with the MAC of other items"),
        ("?", "no MAC at all"),
        ("not base64!?a=MQ==", "a MAC that is not base64"),
        ("not base64!?a=MQ==&b", "structure is checked first: this one is malformed"),
        ("XqZOmAc4aVSF3N3Kri4m ETmzR10=?a=MQ==&b=Mg==", "space in the MAC"),
    ])
    func signatureErrorsAreBadSignature(cookie: String, why: String) {
        let expected: SecureCookieError.Kind = why.hasPrefix("structure") ? .malformed : .badSignature
        #expect(Self.kind(of: cookie) == expected, "\(why)")
    }

    @Test func valuesAreDecodedOnlyAfterTheMAC() throws {
        // A value that is not base64 in a correctly signed cookie is undecodable, naming its key...
        let withBadValue = try resign("a=M!==")
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(withBadValue, secretKey: "k", format: DigitsCookie())
        }
        #expect(error?.kind == .undecodable)
        #expect(error?.key == "a")
        // ...but the same value under a wrong MAC is only a bad signature: nothing was decoded.
        #expect(Self.kind(of: "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=M!==") == .badSignature)
    }

    @Test func theFirstFailingValueInWireOrderWins() throws {
        let body = "a=" + Base64.encode(Array("nope".utf8)) + "&b=" + Base64.encode(Array("\"x".utf8))
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(try resign(body), secretKey: "k", format: DigitsCookie())
        }
        #expect(error?.key == "a")
    }

    @Test func limitsHaveTheirOwnErrors() throws {
        let long = String(repeating: "A", count: 5000) + "?"
        let lengthError = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(long, secretKey: "k", format: DigitsCookie())
        }
        #expect(lengthError?.limit == .cookieLength)

        var small = SecureCookieLimits()
        small.maximumItems = 2
        let items = try resign("a=MQ==&b=MQ==&c=MQ==")
        let countError = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(items, secretKey: "k", format: DigitsCookie(limits: small))
        }
        #expect(countError?.limit == .itemCount)

        small = SecureCookieLimits(maximumValueBytes: 3)
        let big = try resign("a=" + Base64.encode(Array("1234".utf8)))
        let sizeError = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(big, secretKey: "k", format: DigitsCookie(limits: small))
        }
        #expect(sizeError?.limit == .valueBytes)
        #expect(sizeError?.key == "a")
    }

    @Test func duplicateKeysLastWins() throws {
        let cookie = try SecureCookie.unserialize(try resign("a=MQ==&a=Mg=="), secretKey: "k", format: DigitsCookie())
        #expect(cookie.data == ["a": 2])
    }

    @Test func silentModeGivesAnEmptyCookieThatIsNotNew() {
        let cookie = SecureCookie.unserializeOrEmpty("garbage", secretKeys: ["k"], format: DigitsCookie())
        #expect(cookie.isEmpty)
        #expect(!cookie.isNew)
        #expect(!cookie.shouldSave)
        let good = SecureCookie.unserializeOrEmpty(Self.valid, secretKeys: ["k"], format: DigitsCookie())
        #expect(good.data == ["a": 1, "b": 2])
    }

    @Test func errorsDescribeThemselvesWithoutTheValue() throws {
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(
                try resign("secret=" + Base64.encode(Array("hunter2".utf8))), secretKey: "k", format: DigitsCookie())
        }
        let text = try #require(error).description
        #expect(text.contains("undecodable"))
        #expect(text.contains("secret"))
    }

    /// Signs a body with key `k` and SHA-1, as Werkzeug would.
    func resign(_ body: String) throws -> String {
        let parsed = try ParsedCookie(Array(("?" + body).utf8), limits: .init(maximumItems: 10_000))
        let mac = CookieSigner.authenticationCode(.insecureSHA1, key: "k", body: parsed.body, items: parsed.items.map(\.raw))
        return Base64.encode(mac) + "?" + body
    }
}
