// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import SecureCookieVapor
import Testing
import VaporTesting

@testable import securecookie_demo

/// `securecookie-demo --framework vapor`'s routes in process, with cookies a real Werkzeug 0.16.1
/// application issued: the same answers as the Hummingbird server's (DemoServerTests there).
@Suite("securecookie-demo --framework vapor in process")
struct DemoVaporTests {
    static let fixtures = DemoFixtures.shared

    static func withDemo(_ test: (any TestingApplicationTester) async throws -> Void) async throws {
        let format = try DemoCodecs.format(codec: "json", legacyCodec: "pickle", python2Strings: .ascii)
        let configuration = SecureCookieSessionsConfiguration(cookie: SetCookieOptions(httpOnly: true, sameSite: .lax))
        try await withApp { app in
            DemoVaporApplication.configure(app, secretKeys: [fixtures.secretKey], format: format, configuration: configuration)
            try await test(try app.testing())
        }
    }

    @Test("GET /counter counts 1, 2, 3 as the cookie goes back and forth")
    func counterIncrements() async throws {
        try await Self.withDemo { app in
            var cookie: String?
            for expected in 1...3 {
                let response = try await app.sendRequest(.GET, "/counter", headers: cookie.map { ["Cookie": $0] } ?? [:])
                #expect(response.body.string == "\(expected)")
                #expect(response.headers[.contentType] == ["text/plain; charset=utf-8"])
                let setCookie = try #require(response.headers.setCookies.first)
                #expect(setCookie.attributes == ["HttpOnly", "Path=/", "SameSite=Lax"])
                #expect(try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])["count"] == .int(expected))
                cookie = setCookie.pair
            }
        }
    }

    @Test("A Werkzeug pickle cookie is answered with its count plus one and re-issued as JSON")
    func legacyCookie() async throws {
        let legacy = Self.fixtures.cookie("python3Pickle")
        try await Self.withDemo { app in
            let response = try await app.sendRequest(.GET, "/counter", headers: ["Cookie": legacy.cookie])
            #expect(response.body.string == "\(legacy.count + 1)")
            let session = try #require(response.headers.setCookies.first).jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session["count"] == .int(legacy.count + 1))
        }
    }

    @Test("GET /grow past 4096 bytes is a 500 that says why; a bad bytes is a 400")
    func grow() async throws {
        try await Self.withDemo { app in
            let big = try await app.sendRequest(.GET, "/grow?bytes=5000")
            #expect(big.status == .internalServerError)
            #expect(big.body.string.contains("4096"))
            #expect(big.headers[.setCookie].isEmpty)
            #expect(try await app.sendRequest(.GET, "/grow?bytes=x").status == .badRequest)
        }
    }
}
#endif
