// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
import Logging
import SecureCookie
import SecureCookieVapor
import Vapor

/// The demo's routes on Vapor (``DemoRoutes``): the same routes, answers and session rules as the
/// Hummingbird server.
enum DemoVaporApplication {
    /// Installs the session middleware and the demo's routes.
    static func configure(
        _ app: Application, secretKeys: [SecretKey], format: CookieFormat, configuration: SecureCookieSessionsConfiguration
    ) {
        app.middleware.use(SecureCookieSessionsMiddleware(secretKeys: secretKeys, format: format, configuration: configuration))
        app.get { req -> Response in
            response(DemoRoutes.Reply(DemoRoutes.index(count: req.secureCookie["count"])))
        }
        app.get("counter") { req -> Response in
            response(req.secureCookie.withLockedCookie(DemoRoutes.counter))
        }
        app.get("grow") { req -> Response in
            guard let bytes = DemoRoutes.growth(req.query[String.self, at: "bytes"]) else { return response(DemoRoutes.badGrowth) }
            return response(req.secureCookie.withLockedCookie { DemoRoutes.grow(&$0, by: bytes) })
        }
    }

    /// Serves the demo until SIGINT or SIGTERM. Vapor's `serve` logs `Server started on http://HOST:PORT`
    /// with the port it bound (also for port 0), at `notice`.
    static func run(
        hostname: String, port: Int, secretKeys: [SecretKey], format: CookieFormat, cookie: SetCookieOptions,
        sessionLifetime: Int64?, logger: Logger
    ) async throws {
        // Vapor reads its own command line from the environment's arguments, never this process's.
        let environment = Environment(
            name: "production", arguments: ["securecookie-demo", "serve", "--hostname", hostname, "--port", "\(port)"])
        let app = try await Application.make(environment)
        app.logger = logger
        app.http.server.configuration.serverName = "securecookie-demo"
        let configuration = SecureCookieSessionsConfiguration(cookie: cookie, sessionLifetime: sessionLifetime)
        configure(app, secretKeys: secretKeys, format: format, configuration: configuration)
        do {
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// A plain-text response.
    private static func response(_ reply: DemoRoutes.Reply) -> Response {
        Response(
            status: HTTPResponseStatus(statusCode: reply.status), headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: .init(string: reply.body))
    }
}
#endif
