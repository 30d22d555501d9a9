// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import SecureCookie
import SecureCookieHummingbird
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// The middleware on a small router of its own, in HummingbirdTesting's router mode.
@Suite("SecureCookieMiddleware")
struct SecureCookieMiddlewareTests {
    typealias Context = BasicSecureCookieRequestContext<CookieFormat>
    static let fixtures = DemoFixtures.shared
    static let json = CookieFormat(serializationMethod: .json, reissuePolicy: .migrate)

    /// Answers `onSaveFailure: .rethrow`'s error with 503, to show the error reached the middleware in front.
    struct CatchSaveErrors: RouterMiddleware {
        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            do {
                return try await next(request, context)
            } catch let error as SecureCookieError where error.limit == .cookieLength {
                return Response(status: .serviceUnavailable)
            }
        }
    }

    /// A router: `/set?count=N`, `/read`, `/big`, `/fail` (changes the session, then throws), `/concurrent`.
    static func application(
        _ configuration: SecureCookieSessionConfiguration = SecureCookieSessionConfiguration(),
        keys: [SecretKey] = [fixtures.secretKey]
    ) -> (some ApplicationProtocol, CapturingLogHandler.Store) {
        let router = Router(context: Context.self)
        router.add(middleware: CatchSaveErrors())
        router.add(middleware: SecureCookieMiddleware(secretKeys: keys, format: json, configuration: configuration))
        router.get("/set") { request, context -> String in
            let count = request.uri.queryParameters.get("count", as: Int.self) ?? 0
            context.session["count"] = .int(count)
            return "set"
        }
        router.get("/read") { _, context -> String in
            "\(context.session.isNew) \(context.session["count"]?.intValue.map(String.init) ?? "none")"
        }
        router.get("/plain") { _, _ -> String in "no session here" }
        router.get("/vary") { request, context -> Response in
            // Reads the session and names its own Vary values (the query says which).
            _ = context.session["count"]
            var response = Response(status: .ok)
            for value in request.uri.queryParameters.getAll("v") { response.headers[values: .vary].append(String(value)) }
            return response
        }
        router.get("/big") { _, context -> String in
            context.session["data"] = .str(String(repeating: "x", count: 5000))
            return "big"
        }
        router.get("/fail") { _, context -> String in
            context.session["count"] = 99
            throw HTTPError(.badRequest)
        }
        router.get("/concurrent") { _, context -> String in
            // A hundred tasks of one request, each adding one under the slot's lock.
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        context.secureCookieSession.withLockedCookie { session in
                            session["n"] = .int((session["n"]?.intValue ?? 0) + 1)
                        }
                    }
                }
            }
            return "done"
        }
        let (logger, store) = CapturingLogHandler.logger()
        return (Application(router: router, logger: logger), store)
    }

    /// A cookie that fails to verify or decode, and the error kind the log must name.
    struct BadCookie: CustomTestStringConvertible, Sendable {
        let label: String
        let header: String
        let kind: String?
        var testDescription: String { label }
    }

    static let badCookies: [BadCookie] = {
        let current = fixtures.cookie("json").cookie
        // Change the first character of the MAC: `session="N...` becomes `session="A...`.
        let signatureStart = current.index(current.startIndex, offsetBy: "session=\"".count)
        let replacement: Character = current[signatureStart] == "A" ? "B" : "A"
        var tampered = current
        tampered.replaceSubrange(signatureStart...signatureStart, with: String(replacement))
        // The data changed under a valid MAC: count=Nw== (7) becomes count=OA== (8).
        let forged = current.replacingOccurrences(of: "count=Nw==", with: "count=OA==")
        return [
            BadCookie(label: "MAC changed", header: tampered, kind: "bad-signature"),
            BadCookie(label: "data changed", header: forged, kind: "bad-signature"),
            BadCookie(
                label: "signed with a key the server does not have",
                header: fixtures.cookie("jsonRotatedKey").cookie, kind: "bad-signature"),
            BadCookie(label: "expired in 2001", header: fixtures.cookie("jsonExpired").cookie, kind: "expired"),
            BadCookie(label: "not a cookie at all", header: "session=garbage", kind: nil),
        ]
    }()

    @Test(
        "A cookie that fails starts a new session, logged with its error kind and never its value",
        arguments: badCookies)
    func badCookieStartsFreshSession(_ bad: BadCookie) async throws {
        let (app, store) = Self.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/read", method: .get, headers: [.cookie: bad.header])
            #expect(String(buffer: response.body) == "true none")
            #expect(response.headers[values: .setCookie].isEmpty)
        }
        let notice = try #require(store.records.first { $0.message.contains("rejected") })
        #expect(notice.level == .debug)
        #expect(notice.metadata["secure_cookie.name"] == "session")
        if let kind = bad.kind {
            #expect(notice.metadata["secure_cookie.error"] == kind)
        } else {
            #expect(notice.metadata["secure_cookie.error"] != nil)
        }
        let value = String(bad.header.dropFirst("session=".count)).replacingOccurrences(of: "\"", with: "")
        for part in value.split(whereSeparator: { "?&=".contains($0) }) where part.count >= 4 {
            #expect(!store.records.contains { $0.fullText.contains(part) }, "the log shows \(part)")
        }
    }

    @Test("Every attribute is configurable; Set-Cookie attributes compared as a set")
    func attributes() async throws {
        let options = SetCookieOptions(
            name: "sid", maxAge: 3600, path: "/app", domain: "example.com", secure: true, httpOnly: true,
            sameSite: .strict)
        let now = 1_700_000_000.0
        let configuration = SecureCookieSessionConfiguration(cookie: options, sessionLifetime: 600, clock: { now })
        let (app, _) = Self.application(configuration)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/set?count=5", method: .get)
            let setCookie = try #require(response.headers.setCookies.first)
            #expect(setCookie.pair.hasPrefix("sid=\""))
            // Expires = now + Max-Age as Werkzeug's cookie_date(1700003600) writes it.
            #expect(
                setCookie.attributes == [
                    "Domain=example.com", "Expires=Tue, 14-Nov-2023 23:13:20 GMT", "Max-Age=3600", "Secure", "HttpOnly",
                    "Path=/app", "SameSite=Strict",
                ])
            let session = try SecureCookie.load(
                cookieHeader: setCookie.pair, name: "sid", secretKeys: [Self.fixtures.secretKey],
                format: CookieFormat(serializationMethod: .json), now: now)
            #expect(session["count"] == 5)
            #expect(session.sessionExpiry == now + 600)
        }
    }

    @Test("The session lifetime is enforced when the cookie comes back")
    func sessionLifetime() async throws {
        let start = 1_700_000_000.0
        let clock = NIOLockedValueBox(start)
        let configuration = SecureCookieSessionConfiguration(sessionLifetime: 600, clock: { clock.withLockedValue { $0 } })
        let (app, store) = Self.application(configuration)
        try await app.test(.router) { client in
            let set = try await client.execute(uri: "/set?count=3", method: .get)
            let pair = try #require(set.headers.setCookies.first).pair
            clock.withLockedValue { $0 = start + 599 }
            let early = try await client.execute(uri: "/read", method: .get, headers: [.cookie: pair])
            #expect(String(buffer: early.body) == "false 3")
            clock.withLockedValue { $0 = start + 601 }
            let late = try await client.execute(uri: "/read", method: .get, headers: [.cookie: pair])
            #expect(String(buffer: late.body) == "true none")
        }
        #expect(store.records.contains { $0.metadata["secure_cookie.error"] == "expired" })
    }

    @Test("A cookie in the second of two Cookie fields is found")
    func splitCookieFields() async throws {
        let current = Self.fixtures.cookie("json")
        let (app, _) = Self.application()
        try await app.test(.router) { client in
            var headers: HTTPFields = [:]
            headers[values: .cookie] = ["theme=dark", current.cookie]
            let response = try await client.execute(uri: "/read", method: .get, headers: headers)
            #expect(String(buffer: response.body) == "false \(current.count)")
        }
    }

    @Test("With force, an unchanged current session is sent again")
    func forcedSave() async throws {
        let current = Self.fixtures.cookie("json")
        let (app, store) = Self.application(SecureCookieSessionConfiguration(cookie: SetCookieOptions(force: true)))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/read", method: .get, headers: [.cookie: current.cookie])
            let setCookie = try #require(response.headers.setCookies.first)
            #expect(setCookie.attributes == ["Path=/"])
            #expect(try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])["count"] == .int(current.count))
        }
        #expect(!store.records.contains { $0.message.contains("Re-issuing") })
    }

    @Test("A response whose handler used the session gets Vary: Cookie, once; one that did not, none")
    func varyCookie() async throws {
        let current = Self.fixtures.cookie("json")
        let (app, _) = Self.application()
        try await app.test(.router) { client in
            let read = try await client.execute(uri: "/read", method: .get, headers: [.cookie: current.cookie])
            #expect(read.headers[values: .vary] == ["Cookie"])
            let set = try await client.execute(uri: "/set?count=3", method: .get)
            #expect(set.headers[values: .vary] == ["Cookie"])
            #expect(!set.headers[values: .setCookie].isEmpty)
            let plain = try await client.execute(uri: "/plain", method: .get, headers: [.cookie: current.cookie])
            #expect(plain.headers[values: .vary].isEmpty)
            let other = try await client.execute(uri: "/vary?v=Accept-Encoding", method: .get)
            #expect(other.headers[values: .vary] == ["Accept-Encoding", "Cookie"])
            let already = try await client.execute(uri: "/vary?v=Accept-Encoding,%20cookie", method: .get)
            #expect(already.headers[values: .vary] == ["Accept-Encoding, cookie"])
            let star = try await client.execute(uri: "/vary?v=*", method: .get)
            #expect(star.headers[values: .vary] == ["*"])
        }
    }

    @Test("A handler that throws leaves the session unsaved")
    func throwingHandler() async throws {
        let (app, _) = Self.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/fail", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[values: .setCookie].isEmpty)
        }
    }

    @Test("Changes from many tasks of one request all reach the saved cookie")
    func concurrentChanges() async throws {
        let (app, _) = Self.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/concurrent", method: .get)
            let session = try #require(response.headers.setCookies.first).jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session["n"] == 100)
        }
    }

    @Test("An oversized session: 500 by default, no cookie with .omitCookie, the error with .rethrow")
    func saveFailureBehaviours() async throws {
        let expectations: [(SecureCookieSessionConfiguration.SaveFailureBehavior, HTTPResponse.Status, String?)] = [
            (.internalServerError, .internalServerError, nil),
            (.omitCookie, .ok, "big"),
            (.rethrow, .serviceUnavailable, nil),
        ]
        for (behaviour, status, body) in expectations {
            let (app, store) = Self.application(SecureCookieSessionConfiguration(onSaveFailure: behaviour))
            try await app.test(.router) { client in
                let response = try await client.execute(uri: "/big", method: .get)
                #expect(response.status == status, "\(behaviour)")
                #expect(response.headers[values: .setCookie].isEmpty, "\(behaviour)")
                if let body { #expect(String(buffer: response.body) == body) }
            }
            let error = try #require(store.records.first { $0.level == .error })
            #expect(error.metadata["secure_cookie.error"] == "limit-exceeded")
            #expect(error.metadata["secure_cookie.on_failure"] == "\(behaviour)")
            #expect(!error.fullText.contains("xxxx"))
        }
    }
}
#endif
