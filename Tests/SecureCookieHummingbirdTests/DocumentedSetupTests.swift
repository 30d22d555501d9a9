// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import HummingbirdTesting
import SecureCookie
import SecureCookieHummingbird
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import Testing

/// The setup the DocC article shows, written the same way, against a Werkzeug-issued pickle cookie.
@Suite("The documented setup")
struct DocumentedSetupTests {
    @Test("A migrating pickle-to-JSON middleware with Max-Age, Secure, HttpOnly and SameSite=Lax")
    func documentedSetup() async throws {
        let fixtures = DemoFixtures.shared
        let legacy = fixtures.cookie("python2Pickle")
        let now = 1_700_000_000.0
        let format = CookieFormat(
            serializationMethod: MigratingSerializationMethod(reading: .pickle, writing: .json),
            reissuePolicy: .migrate)
        let router = Router(context: BasicSecureCookieRequestContext<CookieFormat>.self)
        router.add(
            middleware: SecureCookieMiddleware(
                secretKeys: [fixtures.secretKey],
                format: format,
                configuration: SecureCookieSessionConfiguration(
                    cookie: SetCookieOptions(maxAge: 86_400, secure: true, httpOnly: true, sameSite: .lax),
                    sessionLifetime: 86_400, clock: { now })))
        router.get("counter") { _, context -> String in
            let count = (context.session["count"]?.intValue ?? 0) + 1
            context.session["count"] = .int(count)
            return "\(count)"
        }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/counter", method: .get, headers: [.cookie: legacy.cookie])
            #expect(String(buffer: response.body) == "\(legacy.count + 1)")
            let setCookie = try #require(response.headers.setCookies.first)
            // cookie_date(1700000000 + 86400) as Werkzeug writes it.
            #expect(
                setCookie.attributes == [
                    "Expires=Wed, 15-Nov-2023 22:13:20 GMT", "Max-Age=86400", "Secure", "HttpOnly", "Path=/",
                    "SameSite=Lax",
                ])
            let session = try setCookie.jsonSession(secretKeys: [fixtures.secretKey], now: now)
            #expect(session["count"] == .int(legacy.count + 1))
            #expect(session.sessionExpiry == now + 86_400)
        }
    }
}
#endif
