import Testing

@testable import SecureCookie

/// Expected headers were written by Werkzeug 0.16.1 (`save_cookie`, `dump_cookie`) on Python 3.11.
@Suite struct HTTPTests {
    @Test func setCookieMatchesWerkzeugSaveCookie() throws {
        var cookie = SecureCookie([:], secretKey: "k", format: DigitsCookie())
        cookie["a"] = 1
        let options = SetCookieOptions(expires: 1_700_000_000, maxAge: 60, domain: "example.com", secure: true, httpOnly: true)
        #expect(
            try cookie.setCookieHeader(options)
                == #"session="xttEpIwTfpyelg88zu2rkIoUxkg=?_expires=MTcwMDAwMDAwMA==&a=MQ=="; Domain=example.com; Expires=Tue, 14-Nov-2023 22:13:20 GMT; Max-Age=60; Secure; HttpOnly; Path=/"#
        )
    }

    @Test func unmodifiedCookiesAreNotSentUnlessForced() throws {
        var cookie = SecureCookie(["a": 1], secretKey: "k", format: DigitsCookie())
        #expect(try cookie.setCookieHeader() == nil)
        #expect(
            try cookie.setCookieHeader(SetCookieOptions(sessionExpires: 100, force: true))
                == #"session="+WMJfJNxRfImA0FThcB0eB100hY=?_expires=MTAw&a=MQ=="; Path=/"#)
    }

    @Test func maxAgeWithoutExpiresSetsExpiresFromNow() throws {
        var cookie = SecureCookie([:], secretKey: "k", format: DigitsCookie())
        cookie["a"] = 1
        let header = try #require(try cookie.setCookieHeader(SetCookieOptions(maxAge: 60, sameSite: .lax), now: 1_699_999_940))
        #expect(header.contains("; Expires=Tue, 14-Nov-2023 22:13:20 GMT; Max-Age=60; Path=/; SameSite=Lax"))
    }

    @Test func anOversizedSetCookieIsRefused() throws {
        var cookie = SecureCookie([:], secretKey: "k", format: DigitsCookie())
        cookie["big"] = .str(String(repeating: "x", count: 3100))
        let error = #expect(throws: SecureCookieError.self) { try cookie.setCookieHeader() }
        #expect(error?.limit == .cookieLength)
    }

    @Test func quotingMatchesWerkzeugDumpCookie() {
        #expect(CookieHeader.quote("a,b;c\"d\\e\u{1}é") == #""a\054b\073c\"d\\e\001\303\251""#)
        #expect(CookieHeader.quote("plain=value/ok") == "plain=value/ok")
        #expect(CookieHeader.unquote(#""a\054b\073c\"d\\e\001\303\251""#) == "a,b;c\"d\\e\u{1}é")
    }

    @Test func loadReadsTheNamedCookieLastOneWinning() throws {
        let header = #"x=1; session="other"; session="XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg==""#
        let cookie = try SecureCookie.load(cookieHeader: header, secretKeys: ["k"], format: DigitsCookie())
        #expect(cookie.data == ["a": 1, "b": 2])
        let absent = try SecureCookie.load(cookieHeader: "x=1", secretKeys: ["k"], format: DigitsCookie())
        #expect(absent.isNew)
        #expect(absent.isEmpty)
        #expect(throws: SecureCookieError.self) {
            try SecureCookie.load(cookieHeader: "session=bad", secretKeys: ["k"], format: DigitsCookie())
        }
    }

    @Test(arguments: [
        (Int64(0), "Thu, 01-Jan-1970 00:00:00 GMT"), (951_782_400, "Tue, 29-Feb-2000 00:00:00 GMT"),
        (-1, "Wed, 31-Dec-1969 23:59:59 GMT"), (4_102_444_799, "Thu, 31-Dec-2099 23:59:59 GMT"),
    ])
    func cookieDatesMatchPython(time: Int64, expected: String) {
        #expect(CookieHeader.cookieDate(time) == expected)
    }
}
