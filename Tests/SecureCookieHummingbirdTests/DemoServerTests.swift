// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import HummingbirdTesting
import Logging
import SecureCookie
import SecureCookieHummingbird
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import Testing

@testable import securecookie_demo

/// The demo server's routes in process (HummingbirdTesting's router mode), with cookies issued by
/// a real Werkzeug 0.16.1 application (`Interop/demo/fixtures.json`).
@Suite("securecookie-demo in process")
struct DemoServerTests {
    static let fixtures = DemoFixtures.shared
    /// The demo's attributes: Werkzeug's `Path=/`, plus `HttpOnly` and `SameSite=Lax`.
    static let attributes: Set<String> = ["HttpOnly", "Path=/", "SameSite=Lax"]

    /// The demo as `securecookie-demo --legacy-codec pickle --codec json` builds it, logging into `store`.
    static func application(
        legacyCodec: String? = "pickle", python2Strings: PicklePython2Strings = .ascii, rotatedKey: Bool = false
    ) throws -> (some ApplicationProtocol, CapturingLogHandler.Store) {
        let format = try DemoCodecs.format(codec: "json", legacyCodec: legacyCodec, python2Strings: python2Strings)
        let keys = rotatedKey ? [fixtures.secretKey, fixtures.rotatedKey] : [fixtures.secretKey]
        let configuration = SecureCookieSessionConfiguration(cookie: SetCookieOptions(httpOnly: true, sameSite: .lax))
        let (logger, store) = CapturingLogHandler.logger()
        let router = DemoApplication.router(secretKeys: keys, format: format, configuration: configuration)
        return (Application(router: router, logger: logger), store)
    }

    @Test("GET /counter counts 1, 2, 3 as the cookie goes back and forth")
    func counterIncrements() async throws {
        let (app, _) = try Self.application()
        try await app.test(.router) { client in
            var cookie: String?
            for expected in 1...3 {
                let headers: HTTPFields = cookie.map { [.cookie: $0] } ?? [:]
                let response = try await client.execute(uri: "/counter", method: .get, headers: headers)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "\(expected)")
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                let setCookie = try #require(response.headers.setCookies.first)
                #expect(response.headers.setCookies.count == 1)
                #expect(setCookie.attributes == Self.attributes)
                let session = try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])
                #expect(session["count"] == .int(expected))
                cookie = setCookie.pair
            }
        }
    }

    @Test(
        "A Werkzeug pickle cookie with count 41 is answered 42 and re-issued as JSON",
        arguments: ["python3Pickle", "python2Pickle"])
    func legacyCookieIsReissued(name: String) async throws {
        let legacy = Self.fixtures.cookie(name)
        let (app, store) = try Self.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/counter", method: .get, headers: [.cookie: legacy.cookie])
            #expect(String(buffer: response.body) == "\(legacy.count + 1)")
            let setCookie = try #require(response.headers.setCookies.first)
            #expect(setCookie.attributes == Self.attributes)
            // A JSON-only cookie type reads it: the re-issued cookie is JSON, signed with the current key.
            let session = try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session["count"] == .int(legacy.count + 1))
            #expect(session.reissueReasons.isEmpty)
        }
        #expect(!store.records.contains { $0.message.contains("rejected") })
    }

    @Test("Reading a legacy cookie without changing it still re-issues it (migration), with the same data")
    func unmodifiedLegacyCookieIsReissued() async throws {
        let legacy = Self.fixtures.cookie("python3Pickle")
        let (app, store) = try Self.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get, headers: [.cookie: legacy.cookie])
            #expect(response.status == .ok)
            let setCookie = try #require(response.headers.setCookies.first)
            let session = try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session["count"] == .int(legacy.count))
        }
        let reissue = try #require(store.records.first { $0.message.contains("Re-issuing") })
        #expect(reissue.metadata["secure_cookie.reissue"] == "legacy-codec")
    }

    @Test("A re-issue keeps the session expiry the cookie arrived with")
    func reissueKeepsExpiry() async throws {
        let legacy = Self.fixtures.cookie("pickleWithExpiry")
        let expires = try #require(legacy.expires)
        let (app, _) = try Self.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/counter", method: .get, headers: [.cookie: legacy.cookie])
            #expect(String(buffer: response.body) == "\(legacy.count + 1)")
            let setCookie = try #require(response.headers.setCookies.first)
            let session = try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session.sessionExpiry == Double(expires))
        }
    }

    @Test("A cookie signed with a rotated key is re-issued under the current key")
    func rotatedKeyIsReissued() async throws {
        let rotated = Self.fixtures.cookie("jsonRotatedKey")
        let (app, store) = try Self.application(rotatedKey: true)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get, headers: [.cookie: rotated.cookie])
            let setCookie = try #require(response.headers.setCookies.first)
            // Verifies with the current key alone.
            let session = try setCookie.jsonSession(secretKeys: [Self.fixtures.secretKey])
            #expect(session["count"] == .int(rotated.count))
        }
        #expect(store.records.contains { $0.metadata["secure_cookie.reissue"] == "rotated-key" })
    }

    @Test("Without --legacy-codec a pickle cookie does not decode: a fresh session, logged as undecodable")
    func pickleWithoutLegacyCodecStartsFresh() async throws {
        let legacy = Self.fixtures.cookie("python3Pickle")
        let (app, store) = try Self.application(legacyCodec: nil)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/counter", method: .get, headers: [.cookie: legacy.cookie])
            #expect(String(buffer: response.body) == "1")
        }
        #expect(store.records.contains { $0.metadata["secure_cookie.error"] == "undecodable" })
    }

    @Test("A current cookie that is only read gets no Set-Cookie; neither does a 404 such as /favicon.ico")
    func noSetCookieWhenUnchanged() async throws {
        let current = Self.fixtures.cookie("json")
        let (app, _) = try Self.application()
        try await app.test(.router) { client in
            let read = try await client.execute(uri: "/", method: .get, headers: [.cookie: current.cookie])
            #expect(read.status == .ok)
            #expect(String(buffer: read.body).hasPrefix("count: \(current.count)\n"))
            #expect(read.headers[values: .setCookie].isEmpty)
            let favicon = try await client.execute(uri: "/favicon.ico", method: .get, headers: [.cookie: current.cookie])
            #expect(favicon.status == .notFound)
            #expect(favicon.headers[values: .setCookie].isEmpty)
            let counted = try await client.execute(uri: "/counter", method: .get, headers: [.cookie: current.cookie])
            #expect(String(buffer: counted.body) == "\(current.count + 1)")
        }
    }

    @Test("/grow fills the session up to 4096 bytes of Set-Cookie and refuses one byte more with a 500")
    func sizeLimit() async throws {
        // From first principles: Set-Cookie is `session="` + 28 base64 SHA-1 + `?data=` +
        // base64(json.dumps("x" * n)) + `"` + `; HttpOnly; Path=/; SameSite=Lax` = 76 + 4 * ceil((n + 2) / 3)
        // bytes, so n = 3013 gives exactly 4096 and n = 3014 gives 4100.
        func length(_ n: Int) -> Int { 76 + 4 * ((n + 2 + 2) / 3) }
        #expect(length(3013) == 4096 && length(3014) == 4100)
        let (app, store) = try Self.application()
        try await app.test(.router) { client in
            let fits = try await client.execute(uri: "/grow?bytes=3013", method: .get)
            #expect(fits.status == .ok)
            #expect(String(buffer: fits.body) == "3013")
            let header = try #require(fits.headers[values: .setCookie].first)
            #expect(header.utf8.count == 4096)

            let tooBig = try await client.execute(uri: "/grow?bytes=3014", method: .get)
            #expect(tooBig.status == .internalServerError)
            #expect(tooBig.headers[values: .setCookie].isEmpty)
            #expect(String(buffer: tooBig.body).contains("4100 bytes"))
            #expect(String(buffer: tooBig.body).contains("at most 4096"))

            let refused = try await client.execute(uri: "/grow?bytes=many", method: .get)
            #expect(refused.status == .badRequest)
            #expect(refused.headers[values: .setCookie].isEmpty)
        }
        let error = try #require(store.records.first { $0.level == .error })
        #expect(error.metadata["secure_cookie.limit"] == "cookie length")
    }

    @Test("A count the demo cannot add one to is a 409 and the session is left alone")
    func nonIntegerCount() async throws {
        let format = CookieFormat(serializationMethod: .json)
        var session = SecureCookie(["count": "many"], secretKey: Self.fixtures.secretKey, format: format)
        let value = try session.serialize()
        let (app, _) = try Self.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/counter", method: .get, headers: [.cookie: "session=\"\(value)\""])
            #expect(response.status == .conflict)
            #expect(response.headers[values: .setCookie].isEmpty)
        }
    }
}
#endif
