// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import Logging
import SecureCookie
import SecureCookieHummingbird

/// The demo's request context: a session cookie whose type is chosen at run time.
typealias DemoContext = BasicSecureCookieRequestContext<CookieFormat>

/// The demo's routes, shared by the server and the tests.
///
/// - `GET /counter`: adds one to `count` in the session and answers the new count, just the number.
/// - `GET /grow?bytes=N`: appends N bytes to `data` in the session (to show the cookie size limit)
///   and answers the new size of `data`.
/// - `GET /`: the current count, without changing the session.
@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
enum DemoApplication {
    /// The most `/grow` adds at once.
    static let maximumGrowth = 65_536

    /// The router with the session middleware and the demo's routes.
    static func router(
        secretKeys: [SecretKey], format: CookieFormat, configuration: SecureCookieSessionConfiguration
    ) -> Router<DemoContext> {
        let router = Router(context: DemoContext.self)
        router.add(middleware: SecureCookieMiddleware(secretKeys: secretKeys, format: format, configuration: configuration))
        router.get("/") { _, context -> String in
            let count: String
            switch context.session["count"] {
            case nil: count = "none"
            case .int(let value)?: count = "\(value)"
            case let other?: count = "a \(other.typeName)"
            }
            return "count: \(count)\nGET /counter adds one; GET /grow?bytes=N adds N bytes to the session.\n"
        }
        router.get("/counter") { _, context -> Response in
            counter(context: context)
        }
        router.get("/grow") { request, context -> Response in
            grow(request: request, context: context)
        }
        return router
    }

    /// `GET /counter`.
    private static func counter(context: DemoContext) -> Response {
        context.secureCookieSession.withLockedCookie { session in
            let next: Int
            switch session["count"] {
            case nil:
                next = 1
            case .int(let count)? where count < Int.max:
                next = count + 1
            case let other?:
                return text("count holds a \(other.typeName) this demo cannot add one to\n", status: .conflict)
            }
            session["count"] = .int(next)
            return text("\(next)")
        }
    }

    /// `GET /grow?bytes=N`.
    private static func grow(request: Request, context: DemoContext) -> Response {
        // checked: failable parse, then range-checked
        guard let text = request.uri.queryParameters["bytes"], let bytes = Int(String(text)),
            (0...maximumGrowth).contains(bytes)
        else {
            return self.text("bytes must be an integer from 0 to \(maximumGrowth)\n", status: .badRequest)
        }
        return context.secureCookieSession.withLockedCookie { session in
            let data = (session["data"]?.stringValue ?? "") + String(repeating: "x", count: bytes)
            session["data"] = .str(data)
            return self.text("\(data.utf8.count)")
        }
    }

    /// A plain-text response.
    private static func text(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
#endif
