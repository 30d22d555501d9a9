// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
import Logging
import MetricsTestKit
import NIOConcurrencyHelpers
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import SecureCookieVapor
import Testing
import VaporTesting

/// The middleware in a Vapor application of its own, through VaporTesting's in-memory tester.
@Suite("SecureCookieSessionsMiddleware")
struct SecureCookieSessionsMiddlewareTests {
    static let fixtures = DemoFixtures.shared
    static let json = CookieFormat(serializationMethod: .json, reissuePolicy: .migrate)

    /// Answers `onSaveFailure: .rethrow`'s error with 503, to show the error reached the middleware in front.
    struct CatchSaveErrors: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            do {
                return try await next.respond(to: request)
            } catch let error as SecureCookieError where error.limit == .cookieLength {
                return Response(status: .serviceUnavailable)
            }
        }
    }

    /// What a test's application logged and counted.
    struct Observed {
        let logs: CapturingLogHandler.Store
        let metrics: TestMetrics
    }

    /// An application with `/set?count=N`, `/read`, `/plain`, `/vary`, `/big`, `/fail`, and runs `test` on it.
    static func withSessionApp(
        _ configuration: SecureCookieSessionsConfiguration = SecureCookieSessionsConfiguration(),
        keys: [SecretKey] = [fixtures.secretKey], format: CookieFormat = json,
        _ test: (any TestingApplicationTester, Observed) async throws -> Void
    ) async throws {
        let (logger, logs) = CapturingLogHandler.logger()
        let metrics = TestMetrics()
        var configuration = configuration
        configuration.metricsFactory = metrics
        try await withApp { app in
            app.logger = logger
            app.middleware.use(CatchSaveErrors())
            app.middleware.use(SecureCookieSessionsMiddleware(secretKeys: keys, format: format, configuration: configuration))
            app.get("set") { req -> String in
                req.secureCookie["count"] = .int((try? req.query.get(Int.self, at: "count")) ?? 0)
                return "set"
            }
            app.get("read") { req -> String in
                "\(req.secureCookie.cookie.isNew) \(req.secureCookie["count"]?.intValue.map(String.init) ?? "none")"
            }
            app.get("plain") { _ in "no session here" }
            app.get("vary") { req -> Response in
                _ = req.secureCookie["count"]
                let response = Response(status: .ok)
                // The test names the handler's own Vary values in X-Vary (one field each).
                for value in req.headers["X-Vary"] { response.headers.add(name: .vary, value: value) }
                return response
            }
            app.get("big") { req -> String in
                req.secureCookie["data"] = .str(String(repeating: "x", count: 5000))
                return "big"
            }
            app.get("fail") { req -> String in
                req.secureCookie["count"] = 99
                throw Abort(.badRequest)
            }
            try await test(try app.testing(), Observed(logs: logs, metrics: metrics))
        }
    }

    @Test("A saved session comes back: set, then read with the cookie")
    func roundTrip() async throws {
        try await Self.withSessionApp { app, _ in
            let set = try await app.sendRequest(.GET, "/set?count=5")
            let setCookie = try #require(set.headers.setCookies.first)
            #expect(set.headers.setCookies.count == 1)
            #expect(setCookie.attributes == ["Path=/"])
            #expect(try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])["count"] == 5)
            let read = try await app.sendRequest(.GET, "/read", headers: ["Cookie": setCookie.pair])
            #expect(read.body.string == "false 5")
            #expect(read.headers[.setCookie].isEmpty)
        }
    }

    @Test("Set-Cookie is Werkzeug's quoting, byte for byte what the core's store writes")
    func werkzeugQuoting() async throws {
        let now = 1_700_000_000.0
        let options = SetCookieOptions(maxAge: 60, httpOnly: true, sameSite: .lax)
        let configuration = SecureCookieSessionsConfiguration(cookie: options, clock: { now })
        try await Self.withSessionApp(configuration) { app, _ in
            let response = try await app.sendRequest(.GET, "/set?count=7")
            let header = try #require(response.headers[.setCookie].first)
            var cookie = SecureCookie(secretKeys: [Self.fixtures.secretKey], format: Self.json)
            cookie["count"] = 7
            let store = SessionCookieStore(secretKeys: [Self.fixtures.secretKey], format: Self.json, options: options)
            #expect(header == (try store.setCookieHeader(for: &cookie, now: now)))
            // The value holds `?` and `=`, which Werkzeug quotes; Vapor's HTTPCookies would not.
            #expect(header.hasPrefix("session=\""))
            #expect(header.contains("?count="))
        }
    }

    /// A cookie that fails to verify or decode, and the error kind the log and the counter must name.
    struct BadCookie: CustomTestStringConvertible, Sendable {
        let label: String
        let header: String
        let kind: String?
        var testDescription: String { label }
    }

    static let badCookies: [BadCookie] = {
        let current = fixtures.cookie("json").cookie
        let signatureStart = current.index(current.startIndex, offsetBy: "session=\"".count)
        let replacement: Character = current[signatureStart] == "A" ? "B" : "A"
        var tampered = current
        tampered.replaceSubrange(signatureStart...signatureStart, with: String(replacement))
        let forged = current.replacingOccurrences(of: "count=Nw==", with: "count=OA==")
        return [
            BadCookie(label: "MAC changed", header: tampered, kind: "bad-signature"),
            BadCookie(label: "data changed", header: forged, kind: "bad-signature"),
            BadCookie(
                label: "signed with a key the server does not have", header: fixtures.cookie("jsonRotatedKey").cookie,
                kind: "bad-signature"),
            BadCookie(label: "expired in 2001", header: fixtures.cookie("jsonExpired").cookie, kind: "expired"),
            BadCookie(label: "not a cookie at all", header: "session=garbage", kind: nil),
        ]
    }()

    @Test("A cookie that fails starts a new session, logged at debug by kind (never its value) and counted", arguments: badCookies)
    func badCookieStartsFreshSession(_ bad: BadCookie) async throws {
        try await Self.withSessionApp { app, observed in
            let response = try await app.sendRequest(.GET, "/read", headers: ["Cookie": bad.header])
            #expect(response.body.string == "true none")
            #expect(response.headers[.setCookie].isEmpty)
            let record = try #require(observed.logs.records.first { $0.message.contains("rejected") })
            #expect(record.level == .debug)
            #expect(record.metadata["secure_cookie.name"] == "session")
            let kind = try #require(record.metadata["secure_cookie.error"])
            if let expected = bad.kind { #expect(kind == expected) }
            let counter = try observed.metrics.expectCounter("secure_cookie_rejected_total", [("cookie", "session"), ("kind", kind)])
            #expect(counter.totalValue == 1)
            let value = String(bad.header.dropFirst("session=".count)).replacingOccurrences(of: "\"", with: "")
            for part in value.split(whereSeparator: { "?&=".contains($0) }) where part.count >= 4 {
                #expect(!observed.logs.records.contains { $0.fullText.contains(part) }, "the log shows \(part)")
            }
        }
    }

    @Test("A response whose handler used the session gets Vary: Cookie, once; one that did not, none")
    func varyCookie() async throws {
        let current = Self.fixtures.cookie("json")
        try await Self.withSessionApp { app, _ in
            let read = try await app.sendRequest(.GET, "/read", headers: ["Cookie": current.cookie])
            #expect(read.headers[.vary] == ["Cookie"])
            let plain = try await app.sendRequest(.GET, "/plain", headers: ["Cookie": current.cookie])
            #expect(plain.headers[.vary].isEmpty)
            let other = try await app.sendRequest(.GET, "/vary", headers: ["X-Vary": "Accept-Encoding"])
            #expect(other.headers[.vary] == ["Accept-Encoding", "Cookie"])
            let already = try await app.sendRequest(.GET, "/vary", headers: ["X-Vary": "Accept-Encoding, cookie"])
            #expect(already.headers[.vary] == ["Accept-Encoding, cookie"])
            let star = try await app.sendRequest(.GET, "/vary", headers: ["X-Vary": "*"])
            #expect(star.headers[.vary] == ["*"])
        }
    }

    @Test("An oversized session: 500 by default, no cookie with .omitCookie, the error with .rethrow")
    func saveFailureBehaviours() async throws {
        let expectations: [(SecureCookieSessionsConfiguration.SaveFailureBehavior, HTTPStatus, String?)] = [
            (.internalServerError, .internalServerError, nil), (.omitCookie, .ok, "big"), (.rethrow, .serviceUnavailable, nil),
        ]
        for (behaviour, status, body) in expectations {
            try await Self.withSessionApp(SecureCookieSessionsConfiguration(onSaveFailure: behaviour)) { app, observed in
                let response = try await app.sendRequest(.GET, "/big")
                #expect(response.status == status, "\(behaviour)")
                #expect(response.headers[.setCookie].isEmpty, "\(behaviour)")
                if let body { #expect(response.body.string == body) }
                let error = try #require(observed.logs.records.first { $0.level == .error })
                #expect(error.metadata["secure_cookie.error"] == "limit-exceeded")
                #expect(error.metadata["secure_cookie.on_failure"] == "\(behaviour)")
                #expect(!error.fullText.contains("xxxx"))
            }
        }
    }

    @Test("A handler that throws leaves the session unsaved")
    func throwingHandler() async throws {
        try await Self.withSessionApp { app, _ in
            let response = try await app.sendRequest(.GET, "/fail")
            #expect(response.status == .badRequest)
            #expect(response.headers[.setCookie].isEmpty)
        }
    }

    @Test("A cookie signed with a rotated-out key is re-issued with the current key, logged and counted by reason")
    func rotatedKeyReissue() async throws {
        let rotated = Self.fixtures.cookie("jsonRotatedKey")
        let keys = [Self.fixtures.secretKey, Self.fixtures.rotatedKey]
        try await Self.withSessionApp(keys: keys) { app, observed in
            let response = try await app.sendRequest(.GET, "/read", headers: ["Cookie": rotated.cookie])
            #expect(response.body.string == "false \(rotated.count)")
            let setCookie = try #require(response.headers.setCookies.first)
            // Only the current key verifies it now.
            let session = try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session["count"] == .int(rotated.count))
            #expect(observed.logs.records.contains { $0.metadata["secure_cookie.reissue"] == "rotated-key" && $0.level == .debug })
            let counter = try observed.metrics.expectCounter(
                "secure_cookie_reissued_total", [("cookie", "session"), ("reason", "rotated-key")])
            #expect(counter.totalValue == 1)
        }
    }

    @Test("A Werkzeug 0.16.1 pickle cookie is read and re-issued as JSON", arguments: ["python3Pickle", "python2Pickle"])
    func werkzeugFixture(name: String) async throws {
        let legacy = Self.fixtures.cookie(name)
        let format = CookieFormat(
            serializationMethod: MigratingSerializationMethod(reading: .pickle, writing: .json), reissuePolicy: .migrate)
        try await Self.withSessionApp(format: format) { app, observed in
            let response = try await app.sendRequest(.GET, "/read", headers: ["Cookie": legacy.cookie])
            #expect(response.body.string == "false \(legacy.count)")
            let session = try #require(response.headers.setCookies.first).jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session["count"] == .int(legacy.count))
            let counter = try observed.metrics.expectCounter(
                "secure_cookie_reissued_total", [("cookie", "session"), ("reason", "legacy-codec")])
            #expect(counter.totalValue == 1)
        }
    }

    @Test("The session lifetime is enforced when the cookie comes back")
    func sessionLifetime() async throws {
        let start = 1_700_000_000.0
        let clock = NIOLockedValueBox(start)
        let configuration = SecureCookieSessionsConfiguration(sessionLifetime: 600, clock: { clock.withLockedValue { $0 } })
        try await Self.withSessionApp(configuration) { app, observed in
            let set = try await app.sendRequest(.GET, "/set?count=3")
            let pair = try #require(set.headers.setCookies.first).pair
            clock.withLockedValue { $0 = start + 599 }
            #expect(try await app.sendRequest(.GET, "/read", headers: ["Cookie": pair]).body.string == "false 3")
            clock.withLockedValue { $0 = start + 601 }
            #expect(try await app.sendRequest(.GET, "/read", headers: ["Cookie": pair]).body.string == "true none")
            #expect(observed.logs.records.contains { $0.metadata["secure_cookie.error"] == "expired" })
        }
    }

    @Test("Every attribute is configurable, Partitioned among them")
    func attributes() async throws {
        let options = SetCookieOptions(
            name: "sid", maxAge: 3600, path: "/app", domain: "example.com", secure: true, httpOnly: true,
            sameSite: SetCookieOptions.SameSite.none,
            partitioned: true)
        let now = 1_700_000_000.0
        try await Self.withSessionApp(SecureCookieSessionsConfiguration(cookie: options, clock: { now })) { app, _ in
            let response = try await app.sendRequest(.GET, "/set?count=5")
            let setCookie = try #require(response.headers.setCookies.first)
            #expect(setCookie.pair.hasPrefix("sid=\""))
            #expect(
                setCookie.attributes == [
                    "Domain=example.com", "Expires=Tue, 14-Nov-2023 23:13:20 GMT", "Max-Age=3600", "Secure", "HttpOnly",
                    "Path=/app", "SameSite=None", "Partitioned",
                ])
            #expect(try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey], name: "sid", now: now)["count"] == 5)
        }
    }
}
#endif
