// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import HummingbirdTesting
import MetricsTestKit
import SecureCookie
import SecureCookieCodable
import SecureCookieHummingbird
import SecureCookieJSON
import Testing

/// What a handler does with the session beyond items: typed sessions, clearing, a per-session
/// lifetime, metrics, and a route without the middleware.
@Suite("Hummingbird sessions: typed, cleared, remembered, counted")
struct SessionFeaturesTests {
    typealias Context = BasicSecureCookieRequestContext<CookieFormat>
    static let key: SecretKey = "hummingbird session tests"
    static let json = CookieFormat(serializationMethod: .json)
    static let now = 1_700_000_000.0

    struct Cart: Codable, Equatable {
        var userID: Int
        var items: [String]
    }

    static func application(
        _ configuration: SecureCookieSessionConfiguration = SecureCookieSessionConfiguration(clock: { now })
    ) -> some ApplicationProtocol {
        let router = Router(context: Context.self)
        router.get("/bare") { _, context -> String in
            // No middleware in front of this route: an empty session, never saved, and no crash.
            context.session["seen"] = true
            return "\(context.secureCookieSession.isLoaded) \(context.session.isEmpty)"
        }
        let sessions = router.group().add(
            middleware: SecureCookieMiddleware(secretKeys: [key], format: json, configuration: configuration))
        sessions.get("/cart/add") { request, context -> String in
            var cart = (try? context.secureCookieSession.decode(as: Cart.self)) ?? Cart(userID: 7, items: [])
            cart.items.append(request.uri.queryParameters["item"].map(String.init) ?? "")
            try context.secureCookieSession.store(cart)
            return cart.items.joined(separator: ",")
        }
        sessions.get("/login") { request, context -> String in
            context.session["user_id"] = 42
            if request.uri.queryParameters["remember"] == "true" { context.secureCookieSession.lifetime = 30 * 86_400 }
            return "in"
        }
        sessions.get("/logout") { _, context -> String in
            context.secureCookieSession.clear()
            return "out"
        }
        sessions.get("/touch") { _, context -> String in
            context.session["seen"] = true
            return "touched"
        }
        return Application(router: router)
    }

    @Test("A Codable session type is stored in and decoded from the session")
    func typedSession() async throws {
        try await Self.application().test(.router) { client in
            let first = try await client.execute(uri: "/cart/add?item=tea", method: .get)
            let pair = try #require(first.headers.setCookies.first).pair
            let cookie = try SecureCookie.load(cookieHeader: pair, secretKeys: [Self.key], format: Self.json, now: Self.now)
            #expect(try cookie.decode(as: Cart.self) == Cart(userID: 7, items: ["tea"]))
            let second = try await client.execute(uri: "/cart/add?item=milk", method: .get, headers: [.cookie: pair])
            #expect(String(buffer: second.body) == "tea,milk")
        }
    }

    @Test("Clearing the session expires the cookie as Werkzeug's delete_cookie")
    func clear() async throws {
        let configuration = SecureCookieSessionConfiguration(
            cookie: SetCookieOptions(httpOnly: true, sameSite: .lax), clock: { Self.now })
        try await Self.application(configuration).test(.router) { client in
            let pair = try #require(try await client.execute(uri: "/login", method: .get).headers.setCookies.first).pair
            let logout = try await client.execute(uri: "/logout", method: .get, headers: [.cookie: pair])
            #expect(
                logout.headers[values: .setCookie] == [
                    "session=; Expires=Thu, 01-Jan-1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/; SameSite=Lax"
                ])
        }
    }

    @Test("A remembered session gets its own Max-Age and _expires, kept on later saves")
    func rememberMe() async throws {
        let configuration = SecureCookieSessionConfiguration(sessionLifetime: 3600, clock: { Self.now })
        try await Self.application(configuration).test(.router) { client in
            let remembered = try #require(
                try await client.execute(uri: "/login?remember=true", method: .get).headers.setCookies.first)
            #expect(remembered.attributes == ["Path=/", "Max-Age=2592000", "Expires=Thu, 14-Dec-2023 22:13:20 GMT"])
            let session = try SecureCookie.load(cookieHeader: remembered.pair, secretKeys: [Self.key], format: Self.json, now: Self.now)
            #expect(session.sessionExpiry == Self.now + 2_592_000)
            let later = try #require(
                try await client.execute(uri: "/touch", method: .get, headers: [.cookie: remembered.pair]).headers.setCookies.first)
            #expect(later.attributes.contains("Max-Age=2592000"))
        }
    }

    @Test("Rejected cookies are counted by kind in the configured metrics factory")
    func rejectionCounter() async throws {
        let metrics = TestMetrics()
        let configuration = SecureCookieSessionConfiguration(metricsFactory: metrics, clock: { Self.now })
        try await Self.application(configuration).test(.router) { client in
            _ = try await client.execute(uri: "/touch", method: .get, headers: [.cookie: "session=garbage"])
        }
        let counters = metrics.counters(label: "secure_cookie_rejected_total")
        #expect(counters.count == 1)
        #expect(counters.first?.totalValue == 1)
        #expect(counters.first?.dimensions.contains { $0.0 == "cookie" && $0.1 == "session" } == true)
    }

    @Test("Without the middleware the session is empty and never saved; no crash")
    func missingMiddleware() async throws {
        try await Self.application().test(.router) { client in
            let response = try await client.execute(uri: "/bare", method: .get)
            #expect(String(buffer: response.body) == "false true")
            #expect(response.headers[values: .setCookie].isEmpty)
        }
    }
}
#endif
