// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import SecureCookie
import SecureCookieHummingbird
import SecureCookieJSON
import Testing

/// ``SecureCookieAuthenticator``: the user a session names becomes `context.identity`.
@Suite("SecureCookieAuthenticator")
struct AuthenticatorTests {
    struct User: Sendable {
        let id: Int
    }

    struct AuthContext: AuthRequestContext, SecureCookieRequestContext {
        var coreContext: CoreRequestContextStorage
        var identity: User?
        let secureCookieSession = SecureCookieSession<CookieFormat>()
        init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
    }

    @Test("A session naming a user authenticates the request; one naming none does not")
    func authenticates() async throws {
        let router = Router(context: AuthContext.self)
        router.add(middleware: SecureCookieMiddleware(secretKeys: ["auth tests"], format: CookieFormat(serializationMethod: .json)))
        router.add(middleware: SecureCookieAuthenticator<AuthContext> { session, _ in session["user_id"]?.intValue.map(User.init) })
        router.get("/login") { _, context -> String in
            context.session["user_id"] = 42
            return "in"
        }
        router.get("/me") { _, context -> String in
            context.identity.map { "user \($0.id)" } ?? "nobody"
        }
        router.add(middleware: IsAuthenticatedMiddleware())
        router.get("/private") { _, context -> String in "private \(try context.requireIdentity().id)" }
        try await Application(router: router).test(.router) { client in
            #expect(String(buffer: try await client.execute(uri: "/me", method: .get).body) == "nobody")
            #expect(try await client.execute(uri: "/private", method: .get).status == .unauthorized)
            let login = try await client.execute(uri: "/login", method: .get)
            let pair = try #require(login.headers.setCookies.first).pair
            #expect(String(buffer: try await client.execute(uri: "/me", method: .get, headers: [.cookie: pair]).body) == "user 42")
            let secret = try await client.execute(uri: "/private", method: .get, headers: [.cookie: pair])
            #expect(String(buffer: secret.body) == "private 42")
        }
    }
}
#endif
