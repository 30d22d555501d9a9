import Testing

@testable import SecureCookie

@Suite struct Base64Tests {
    /// RFC 4648 test vectors.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(Array(encoded.utf8)) == Array(plain.utf8))
    }

    @Test func everyByteRoundTrips() {
        let bytes = (0...255).map { UInt8($0) }
        for length in 0...bytes.count {
            let text = Base64.encode(bytes.prefix(length))
            #expect(Base64.decode(Array(text.utf8)) == Array(bytes.prefix(length)))
        }
    }

    /// Python's `b64decode` accepts all of these; a strict decoder refuses them.
    @Test(arguments: ["Zg", "Zh==", "Zm9=", "Zg==Zg==", "Zg=a", "Z===", "Zm9v\n", "Zm-v", "Zm_v", "====", "Zm9vY", "Zg= ="])
    func nonCanonicalIsRefused(text: String) {
        #expect(Base64.decode(Array(text.utf8)) == nil)
    }
}

@Suite struct URLQuotingTests {
    /// Expected: Werkzeug 0.16.1 `url_quote_plus(s, safe='')`.
    @Test func quotesLikeWerkzeug() {
        var out: [UInt8] = []
        URLQuoting.quotePlus("a b/é~!*()'", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a+b%2F%C3%A9~%21%2A%28%29%27")
    }

    @Test func unquoteInvertsQuote() {
        for key in ["a b", "é", "+%&=?", "\u{1F600}", "e\u{301}", ""] {
            var out: [UInt8] = []
            URLQuoting.quotePlus(key, into: &out)
            let back = URLQuoting.unquotePlus(out)
            #expect(back.map { Array($0.utf8) } == Array(key.utf8))
        }
    }

    @Test(arguments: ["%", "%4", "%G0", "%ff", "%C3"])
    func badEscapesAndNonUTF8AreRefused(text: String) {
        #expect(URLQuoting.unquotePlus(Array(text.utf8)) == nil)
    }
}
