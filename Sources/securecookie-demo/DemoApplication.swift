// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import Logging
import SecureCookie
import SecureCookieHummingbird

/// The demo's request context: a session cookie whose type is chosen at run time.
typealias DemoContext = BasicSecureCookieRequestContext<CookieFormat>

/// The demo's routes on Hummingbird (``DemoRoutes``), shared by the server and the tests.
@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
enum DemoApplication {
    /// The most `/grow` adds at once.
    static let maximumGrowth = DemoRoutes.maximumGrowth

    /// The router with the session middleware and the demo's routes.
    static func router(
        secretKeys: [SecretKey], format: CookieFormat, configuration: SecureCookieSessionConfiguration
    ) -> Router<DemoContext> {
        let router = Router(context: DemoContext.self)
        router.add(middleware: SecureCookieMiddleware(secretKeys: secretKeys, format: format, configuration: configuration))
        router.get("/") { _, context -> String in
            DemoRoutes.index(count: context.session["count"])
        }
        router.get("/counter") { _, context -> Response in
            response(context.secureCookieSession.withLockedCookie(DemoRoutes.counter))
        }
        router.get("/grow") { request, context -> Response in
            guard let bytes = DemoRoutes.growth(request.uri.queryParameters["bytes"].map(String.init)) else {
                return response(DemoRoutes.badGrowth)
            }
            return response(context.secureCookieSession.withLockedCookie { DemoRoutes.grow(&$0, by: bytes) })
        }
        return router
    }

    /// A plain-text response.
    private static func response(_ reply: DemoRoutes.Reply) -> Response {
        Response(
            status: HTTPResponse.Status(code: reply.status), headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
#endif
