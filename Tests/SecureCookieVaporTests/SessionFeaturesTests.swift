// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
import SecureCookie
import SecureCookieCodable
import SecureCookieJSON
import SecureCookieVapor
import Testing
import VaporTesting

/// What an application does with `req.secureCookie` beyond items: typed sessions, clearing, a
/// per-session lifetime, authentication from the session, and a missing middleware.
@Suite("Vapor sessions: typed, cleared, remembered, authenticated")
struct SessionFeaturesTests {
    static let key: SecretKey = "vapor session tests"
    static let json = CookieFormat(serializationMethod: .json)
    static let now = 1_700_000_000.0

    struct Cart: Codable, Equatable {
        var userID: Int
        var items: [String]
    }

    struct User: Authenticatable {
        let id: Int
    }

    static func withApp(
        _ configuration: SecureCookieSessionsConfiguration = SecureCookieSessionsConfiguration(clock: { now }),
        middleware: Bool = true,
        _ test: (any TestingApplicationTester) async throws -> Void
    ) async throws {
        try await VaporTesting.withApp { app in
            if middleware {
                app.middleware.use(SecureCookieSessionsMiddleware(secretKeys: [key], format: json, configuration: configuration))
            }
            app.get("cart", "add") { req -> String in
                var cart = (try? req.secureCookie.decode(as: Cart.self)) ?? Cart(userID: 7, items: [])
                cart.items.append(try req.query.get(String.self, at: "item"))
                try req.secureCookie.store(cart)
                return cart.items.joined(separator: ",")
            }
            app.get("cart") { req -> String in
                try req.secureCookie.decode(as: Cart.self).items.joined(separator: ",")
            }
            app.get("login") { req -> String in
                req.secureCookie["user_id"] = 42
                if (try? req.query.get(Bool.self, at: "remember")) == true { req.secureCookie.lifetime = 30 * 86_400 }
                return "in"
            }
            app.get("logout") { req -> String in
                req.secureCookie.clear()
                return "out"
            }
            app.get("touch") { req -> String in
                req.secureCookie["seen"] = true
                return "\(req.secureCookie.isLoaded) \(req.secureCookie["seen"] == true)"
            }
            app.get("strict") { req -> String in
                _ = try req.secureCookieSession(for: CookieFormat.self)
                return "loaded"
            }
            let authenticated = app.grouped(
                SecureCookieAuthenticator<CookieFormat, User> { session, _ in session["user_id"]?.intValue.map(User.init) }
            )
            authenticated.get("me") { req -> String in
                req.auth.get(User.self).map { "user \($0.id)" } ?? "nobody"
            }
            try await test(try app.testing())
        }
    }

    @Test("A Codable session type is stored in and decoded from the session, and saved only when it changes")
    func typedSession() async throws {
        try await Self.withApp { app in
            let first = try await app.sendRequest(.GET, "/cart/add?item=tea")
            let pair = try #require(first.headers.setCookies.first).pair
            let cookie = try SecureCookie.load(cookieHeader: pair, secretKeys: [Self.key], format: Self.json, now: Self.now)
            #expect(try cookie.decode(as: Cart.self) == Cart(userID: 7, items: ["tea"]))
            #expect(cookie.data == ["userID": 7, "items": ["tea"]])
            let second = try await app.sendRequest(.GET, "/cart/add?item=milk", headers: ["Cookie": pair])
            #expect(second.body.string == "tea,milk")
            let read = try await app.sendRequest(.GET, "/cart", headers: ["Cookie": pair])
            #expect(read.body.string == "tea")
            #expect(read.headers[.setCookie].isEmpty)
        }
    }

    @Test("Clearing the session expires the cookie as Werkzeug's delete_cookie: Max-Age=0 and Expires in 1970")
    func clear() async throws {
        let options = SetCookieOptions(secure: true, httpOnly: true, sameSite: .lax)
        try await Self.withApp(SecureCookieSessionsConfiguration(cookie: options, clock: { Self.now })) { app in
            let login = try await app.sendRequest(.GET, "/login")
            let pair = try #require(login.headers.setCookies.first).pair
            let logout = try await app.sendRequest(.GET, "/logout", headers: ["Cookie": pair])
            #expect(
                logout.headers[.setCookie] == [
                    "session=; Expires=Thu, 01-Jan-1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly; Path=/; SameSite=Lax"
                ])
            #expect(logout.headers[.vary] == ["Cookie"])
        }
    }

    @Test("A remembered session gets its own Max-Age and _expires, on this save and every later one")
    func rememberMe() async throws {
        let configuration = SecureCookieSessionsConfiguration(sessionLifetime: 3600, clock: { Self.now })
        try await Self.withApp(configuration) { app in
            let plain = try #require(try await app.sendRequest(.GET, "/login").headers.setCookies.first)
            #expect(plain.attributes == ["Path=/"])
            let plainSession = try SecureCookie.load(cookieHeader: plain.pair, secretKeys: [Self.key], format: Self.json, now: Self.now)
            #expect(plainSession.sessionExpiry == Self.now + 3600)

            let remembered = try #require(try await app.sendRequest(.GET, "/login?remember=true").headers.setCookies.first)
            #expect(remembered.attributes == ["Path=/", "Max-Age=2592000", "Expires=Thu, 14-Dec-2023 22:13:20 GMT"])
            let session = try SecureCookie.load(cookieHeader: remembered.pair, secretKeys: [Self.key], format: Self.json, now: Self.now)
            #expect(session.sessionExpiry == Self.now + 2_592_000)
            // A later change keeps the session's own lifetime.
            let later = try #require(
                try await app.sendRequest(.GET, "/touch", headers: ["Cookie": remembered.pair]).headers.setCookies.first)
            #expect(later.attributes.contains("Max-Age=2592000"))
        }
    }

    @Test("An authenticator logs in the user the session names")
    func authenticator() async throws {
        try await Self.withApp { app in
            #expect(try await app.sendRequest(.GET, "/me").body.string == "nobody")
            let pair = try #require(try await app.sendRequest(.GET, "/login").headers.setCookies.first).pair
            #expect(try await app.sendRequest(.GET, "/me", headers: ["Cookie": pair]).body.string == "user 42")
        }
    }

    @Test("Without the middleware the session is empty and never saved, and the typed accessor throws; no crash")
    func missingMiddleware() async throws {
        try await Self.withApp(middleware: false) { app in
            let touch = try await app.sendRequest(.GET, "/touch")
            // Kept within the request, never saved.
            #expect(touch.body.string == "false true")
            #expect(touch.headers[.setCookie].isEmpty)
            let strict = try await app.sendRequest(.GET, "/strict")
            #expect(strict.status == .internalServerError)
        }
    }
}
#endif
