import Testing

@testable import SecureCookie

/// Expected cookies were written by Werkzeug 0.16.1's `SecureCookie` with `serialization_method = json`
/// (spec/werkzeug-wire-format.md and `/tmp/venv` runs recorded in the test names' comments).
@Suite struct WireFormatTests {
    @Test func werkzeugKnownAnswers() throws {
        var ab = SecureCookie(["a": 1, "b": 2], secretKey: "k", format: DigitsCookie())
        #expect(try ab.serialize() == "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg==")
        var unicode = SecureCookie(["x": 42, "a b/é": "v"], secretKey: "foo", format: DigitsCookie())
        #expect(try unicode.serialize() == "EMM2AVOTGhGL26zuKBpSNZ/5A98=?a+b%2F%C3%A9=InYi&x=NDI=")
        var empty = SecureCookie([:], secretKey: "k", format: DigitsCookie())
        #expect(try empty.serialize() == "OoSiGO5mZSCbtw6EUl3YN2RaGWU=?")
    }

    /// Python sorts keys by code point: `Z` < `a+b&c=d%` < `e\u{301}` < `z` < `~k.-_` < `é`.
    @Test func keysSortByCodePointAndQuoteLikeWerkzeug() throws {
        var cookie = SecureCookie(
            ["e\u{301}": 1, "\u{E9}": 2, "Z": 3, "z": 4, "~k.-_": 5, "a+b&c=d%": 6],
            secretKey: "k", format: DigitsCookie())
        #expect(cookie.count == 6, "canonically equivalent keys stay distinct")
        #expect(
            try cookie.serialize()
                == "IS795kke9C3Dn+Mhtdj9iBT8ga8=?Z=Mw==&a%2Bb%26c%3Dd%25=Ng==&e%CC%81=MQ==&z=NA==&~k.-_=NQ==&%C3%A9=Mg==")
    }

    @Test(arguments: [
        (HashMethod.insecureMD5, "UII4I1/mpvIvcz1oA1K9TQ==?a=MQ=="),
        (.sha256, "e0s1Jb7GAw6w+xpszOa5oQcJ3D19kme0EUsMayKmldg=?a=MQ=="),
        (.sha512, "hn45v7HuVBPEmBEc+sgZkp91d+39femSjN8aP5tzg5g0gvsQvdK3d81tQ8xQRRZwpu8hHJt1g6QyNHh8KB1Wrg==?a=MQ=="),
    ])
    func hashMethodsMatchWerkzeug(hash: HashMethod, expected: String) throws {
        var cookie = SecureCookie(["a": 1], secretKey: "k", format: DigitsCookie(hashMethod: hash))
        #expect(try cookie.serialize() == expected)
        let read = try SecureCookie.unserialize(expected, secretKey: "k", format: DigitsCookie(hashMethod: hash))
        #expect(read["a"] == 1)
    }

    @Test func readsWerkzeugCookies() throws {
        let cookie = try SecureCookie.unserialize(
            "EMM2AVOTGhGL26zuKBpSNZ/5A98=?a+b%2F%C3%A9=InYi&x=NDI=", secretKey: "foo", format: DigitsCookie())
        #expect(cookie.data == ["a b/é": "v", "x": 42])
        #expect(!cookie.isNew)
        #expect(!cookie.isModified)
        #expect(cookie.verification == CookieVerification(keyIndex: 0, hashMethod: .insecureSHA1, isSigningHash: true))
        let empty = try SecureCookie.unserialize("OoSiGO5mZSCbtw6EUl3YN2RaGWU=?", secretKey: "k", format: DigitsCookie())
        #expect(empty.isEmpty)
    }

    @Test func expiresIsWrittenThroughTheCodecAndChecked() throws {
        var cookie = SecureCookie(["a": 1], secretKey: "k", format: DigitsCookie())
        let text = try cookie.serialize(expires: 100)
        #expect(text == "+WMJfJNxRfImA0FThcB0eB100hY=?_expires=MTAw&a=MQ==")
        #expect(cookie.isModified, "serialize(expires:) stores _expires, as Werkzeug does")
        let fresh = try SecureCookie.unserialize(text, secretKey: "k", format: DigitsCookie(), now: 99.5)
        #expect(fresh.data == ["a": 1], "_expires is removed from the data")
        let atDeadline = try SecureCookie.unserialize(text, secretKey: "k", format: DigitsCookie(), now: 100)
        #expect(atDeadline["a"] == 1, "expired only when now > _expires")
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(text, secretKey: "k", format: DigitsCookie(), now: 100.5)
        }
        #expect(error?.kind == .expired)
        #expect(error?.expiry == 100)
    }

    @Test func expiresThatIsNotANumberIsUndecodable() throws {
        var cookie = SecureCookie(["_expires": "soon"], secretKey: "k", format: DigitsCookie())
        let text = try cookie.serialize()
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(text, secretKey: "k", format: DigitsCookie(), now: 0)
        }
        #expect(error?.kind == .undecodable)
        #expect(error?.key == "_expires")
    }

    @Test func keyRotationSaysWhichKeyMatched() throws {
        var cookie = SecureCookie(["a": 1], secretKey: "old", format: DigitsCookie())
        let text = try cookie.serialize()
        let read = try SecureCookie.unserialize(text, secretKeys: ["new", SecretKey(bytes: Array("old".utf8))], format: DigitsCookie())
        #expect(read.verification?.keyIndex == 1)
        #expect(read.verification?.needsReissue == true)
        #expect(throws: SecureCookieError.badSignature("")) {
            try SecureCookie.unserialize(text, secretKeys: ["new"], format: DigitsCookie())
        }
    }

    @Test func legacyHashesVerifyButNeverSign() throws {
        var legacy = SecureCookie(["a": 1], secretKey: "k", format: DigitsCookie(hashMethod: .insecureMD5))
        let text = try legacy.serialize()
        let current = DigitsCookie(hashMethod: .sha256, legacyHashMethods: [.insecureMD5, .insecureSHA1])
        let read = try SecureCookie.unserialize(text, secretKey: "k", format: current)
        #expect(read.verification?.hashMethod == .insecureMD5)
        #expect(read.verification?.isSigningHash == false)
        #expect(throws: SecureCookieError.badSignature("")) {
            try SecureCookie.unserialize(text, secretKey: "k", format: DigitsCookie(hashMethod: .sha256))
        }
        var reissued = SecureCookie(read.data, secretKey: "k", format: current)
        #expect(try reissued.serialize() == "e0s1Jb7GAw6w+xpszOa5oQcJ3D19kme0EUsMayKmldg=?a=MQ==")
    }

    @Test func secretKeysFromTextBytesAndHexAgree() {
        #expect(SecretKey("k") == SecretKey(bytes: [0x6B]))
        #expect(SecretKey(hex: "6B") == SecretKey("k"))
        #expect(SecretKey(hex: "6") == nil)
        #expect(SecretKey(hex: "zz") == nil)
    }
}
