// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import HummingbirdTesting
import SecureCookie
import SecureCookieFlask
import SecureCookieHummingbird
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import Testing

/// The middleware reading one framing and writing another: Flask session cookies re-issued as Werkzeug
/// ones, and legacy Werkzeug pickle cookies re-issued as Flask session cookies.
@Suite("Framing migration in the middleware")
struct FramingMigrationTests {
    typealias Context = BasicSecureCookieRequestContext<CookieFormat>
    static let fixtures = DemoFixtures.shared
    /// Flask's first known answer: `{"a": 1}` signed with the secret `k` at 1700000000.
    static let flaskCookie = "eyJhIjoxfQ.ZVPxAA.-1QlRaColPEibXlFRFd2EAdBB74"
    static let now = 1_700_000_100.0

    static func application(
        format: CookieFormat, keys: [SecretKey], framing: (any CookieFraming)?, legacy: [any CookieFraming]
    ) -> some ApplicationProtocol {
        let router = Router(context: Context.self)
        let configuration = SecureCookieSessionConfiguration(clock: { now })
        router.add(
            middleware: SecureCookieMiddleware(
                secretKeys: keys, format: format, framing: framing, legacyFramings: legacy, configuration: configuration))
        router.get("/read") { _, context -> String in
            TaggedJSON.text(.dict(context.session.data))
        }
        return Application(router: router)
    }

    @Test("A Flask session cookie is read by a legacy framing and re-issued as a Werkzeug JSON cookie")
    func flaskToWerkzeug() async throws {
        let format = CookieFormat(serializationMethod: .json, reissuePolicy: .migrate)
        let keys: [SecretKey] = ["new werkzeug key"]
        let app = Self.application(
            format: format, keys: keys, framing: nil, legacy: [FlaskSessionFraming(secretKeys: ["k"])])
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/read", method: .get, headers: [.cookie: "session=\(Self.flaskCookie)"])
            #expect(String(buffer: response.body) == #"{"a": 1}"#)
            let setCookie = try #require(response.headers.setCookies.first)
            let reissued = try SecureCookie.load(
                cookieHeader: setCookie.pair, secretKeys: keys, format: CookieFormat(serializationMethod: .json), now: Self.now)
            #expect(reissued.data == ["a": 1])
            // The Flask cookie's deadline (its timestamp plus 31 days) is kept as _expires.
            #expect(reissued.sessionExpiry.flatMap { Int64(exactly: $0) } == 1_702_678_400)
        }
    }

    @Test("A Werkzeug pickle cookie is read by a legacy framing and re-issued as a Flask session cookie")
    func werkzeugToFlask() async throws {
        let pickle = CookieFormat(serializationMethod: .pickle, reissuePolicy: .migrate)
        let legacy = Self.fixtures.cookie("python3Pickle")
        let flask = FlaskSessionFraming(secretKeys: ["flask secret"])
        let app = Self.application(
            format: pickle, keys: [Self.fixtures.secretKey], framing: flask,
            legacy: [WerkzeugFraming(format: pickle, secretKeys: [Self.fixtures.secretKey])])
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/read", method: .get, headers: [.cookie: legacy.cookie])
            let setCookie = try #require(response.headers.setCookies.first)
            let value = String(setCookie.pair.dropFirst("session=".count))
            let session = try flask.read(value, now: Self.now)
            #expect(session.issuedAt == Int64(Self.now))
            #expect(TaggedJSON.text(.dict(session.data)) == String(buffer: response.body))
            #expect(session.data["count"] == .int(legacy.count))
        }
    }

    @Test("A cookie of neither framing starts a new session, and a current Flask cookie is not re-issued")
    func currentAndForeign() async throws {
        let format = CookieFormat(serializationMethod: .json, reissuePolicy: .migrate)
        let app = Self.application(
            format: format, keys: ["w"], framing: FlaskSessionFraming(secretKeys: ["k"]),
            legacy: [WerkzeugFraming(format: format, secretKeys: ["w"])])
        try await app.test(.router) { client in
            let current = try await client.execute(uri: "/read", method: .get, headers: [.cookie: "session=\(Self.flaskCookie)"])
            #expect(String(buffer: current.body) == #"{"a": 1}"#)
            #expect(current.headers[values: .setCookie].isEmpty)
            let foreign = try await client.execute(uri: "/read", method: .get, headers: [.cookie: "session=abc.def.ghi"])
            #expect(String(buffer: foreign.body) == "{}")
        }
    }
}
#endif
