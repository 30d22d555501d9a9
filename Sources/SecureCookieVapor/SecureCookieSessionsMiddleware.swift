// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
internal import Logging
internal import Metrics
public import SecureCookie
public import Vapor

/// Loads the request's Werkzeug-compatible session cookie into `req.secureCookie` and sends it back
/// only when it should be saved: the Vapor counterpart of the Hummingbird `SecureCookieMiddleware`,
/// with the same rules (both go through ``SessionCookieStore``).
///
/// Before the route handler runs, the middleware reads the cookie named in the configuration from the
/// `Cookie` header and verifies it with the secret keys before anything is decoded. A missing cookie
/// starts a new, empty session; one that fails to verify or decode (bad signature, expired,
/// malformed, undecodable, refused, over a limit) starts a new session too, is logged at the
/// configuration's ``SecureCookieSessionsConfiguration/rejectionLogLevel`` with its error kind, never
/// its value, and counted in `secure_cookie_rejected_total`.
///
/// After the handler, a response whose handler read or changed the session gets `Vary: Cookie`. The
/// session is sent in `Set-Cookie` when ``SecureCookie/shouldSave`` is true (a handler changed it, or
/// it is outdated and the cookie type's re-issue policy migrates, counted in
/// `secure_cookie_reissued_total` by reason), or always with ``SetCookieOptions/force``; a cleared
/// session is deleted from the browser. The header is checked against the 4096 bytes browsers keep;
/// when it is longer, ``SecureCookieSessionsConfiguration/onSaveFailure`` decides. A handler that
/// throws leaves the session unsaved.
///
/// The `Set-Cookie` header is written here, not through Vapor's `HTTPCookies`: Vapor serializes a
/// cookie as `name=value` with the value as given, never quoted, while Werkzeug's values contain
/// `"`, `,`, `;`, `\` or spaces only inside double quotes with octal escapes (`dump_cookie`), and a
/// Werkzeug cookie carries `?`, `=` and `&` that Werkzeug itself reads back either way. Handing
/// Vapor a quoted value would not help either: its `Set-Cookie` parser (used whenever anything
/// assigns `response.cookies`) unquotes it and writes it back unquoted. So the header is appended to
/// `response.headers` exactly as Werkzeug writes it; a middleware that assigns `response.cookies`
/// after this one rewrites every `Set-Cookie`, so install this middleware after (inside) such middleware.
/// The `Cookie` header is likewise read raw, with Werkzeug's unquoting (Vapor's parser splits at `,` and
/// does not undo octal escapes).
///
/// ```swift
/// let format = CookieFormat(
///     serializationMethod: MigratingSerializationMethod(reading: .pickle, writing: .json), reissuePolicy: .migrate)
/// app.middleware.use(SecureCookieSessionsMiddleware(secretKeys: [key], format: format))
/// ```
public struct SecureCookieSessionsMiddleware<Format: SecureCookieFormat>: AsyncMiddleware {
    /// The keys: the first signs, every one verifies (older keys last).
    public let secretKeys: [SecretKey]
    /// The cookie type.
    public let format: Format
    /// Cookie name, attributes, lifetime, failure behaviour, log levels, metrics and clock.
    public let configuration: SecureCookieSessionsConfiguration
    /// The reading and saving rules, shared with every framework's middleware.
    private let store: SessionCookieStore<Format>

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - secretKeys: The keys, current first; cookies that verify only with a later key report
    ///     ``ReissueReasons/rotatedKey``.
    ///   - format: The cookie type (codec, hash, limits, re-issue policy).
    ///   - framing: The framing sessions are written in (a `FlaskSessionFraming` to issue Flask session
    ///     cookies); `nil` for Werkzeug's, with `format` and `secretKeys`.
    ///   - legacyFramings: Framings read after the writing one; a cookie one of them reads carries
    ///     ``ReissueReasons/legacyFraming`` and is re-issued in the writing framing when `format`'s
    ///     re-issue policy migrates.
    ///   - configuration: The cookie's name and attributes and what to do when saving fails.
    public init(
        secretKeys: [SecretKey], format: Format, framing: (any CookieFraming)? = nil,
        legacyFramings: [any CookieFraming] = [],
        configuration: SecureCookieSessionsConfiguration = SecureCookieSessionsConfiguration()
    ) {
        self.secretKeys = secretKeys
        self.format = format
        self.configuration = configuration
        self.store = SessionCookieStore(
            secretKeys: secretKeys, format: format, framing: framing, legacyFramings: legacyFramings,
            options: configuration.cookie, sessionLifetime: configuration.sessionLifetime)
    }

    /// Loads the session, runs the rest of the chain, and saves the session when it should be saved.
    ///
    /// - Parameters:
    ///   - request: The request; its session is installed for `req.secureCookie`.
    ///   - next: The rest of the responder chain.
    /// - Returns: The response, with `Set-Cookie` when the session was saved or cleared, or a `500` when
    ///   it could not be saved and the configuration says so.
    /// - Throws: What `next` throws (the session is then not saved), or, with
    ///   ``SecureCookieSessionsConfiguration/SaveFailureBehavior/rethrow``, the ``SecureCookieError`` from saving.
    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = configuration.clock()
        let session = SecureCookieRequestSession(load(request, now: now), isLoaded: true)
        request.installSecureCookie(session)
        let response = try await next.respond(to: request)
        if session.wasAccessed { Self.addVaryCookie(to: response) }
        var (cookie, cleared) = session.take()
        if cleared {
            response.headers.add(name: .setCookie, value: store.expiringSetCookieHeader())
            return response
        }
        guard cookie.shouldSave || configuration.cookie.force else { return response }
        do {
            guard let header = try store.setCookieHeader(for: &cookie, now: now) else { return response }
            if !cookie.isModified && !cookie.reissueReasons.isEmpty { reissued(cookie.reissueReasons, request: request) }
            response.headers.add(name: .setCookie, value: header)
            return response
        } catch let error as SecureCookieError {
            return try saveFailed(error, response: response, request: request)
        }
    }

    /// Adds `Cookie` to the response's `Vary` header, unless a `Vary` value already lists it or `*`.
    private static func addVaryCookie(to response: Response) {
        let listed = response.headers[.vary].flatMap { $0.split(separator: ",") }
            .map { $0.filter { $0 != " " && $0 != "\t" }.lowercased() }
        guard !listed.contains("cookie"), !listed.contains("*") else { return }
        response.headers.add(name: .vary, value: "Cookie")
    }

    /// The request's cookie, or a new one when it has none or it does not verify (logged and counted).
    private func load(_ request: Request, now: Double) -> SecureCookie<Format> {
        let cookieHeaders = request.headers[.cookie]
        let loaded = store.load(cookieHeader: cookieHeaders.isEmpty ? nil : cookieHeaders.joined(separator: "; "), now: now)
        if let error = loaded.rejection {
            var metadata: Logger.Metadata = [
                "secure_cookie.name": "\(configuration.cookie.name)", "secure_cookie.error": "\(error.kind)",
            ]
            if let limit = error.limit { metadata["secure_cookie.limit"] = "\(limit)" }
            request.logger.log(
                level: configuration.rejectionLogLevel, "Session cookie rejected; starting a new session", metadata: metadata)
            Counter(
                label: "secure_cookie_rejected_total",
                dimensions: [("cookie", configuration.cookie.name), ("kind", "\(error.kind)")],
                factory: configuration.metricsFactory
            ).increment()
        }
        return loaded.cookie
    }

    /// Logs and counts a re-issue of an outdated cookie.
    private func reissued(_ reasons: ReissueReasons, request: Request) {
        request.logger.log(
            level: configuration.reissueLogLevel, "Re-issuing the session cookie in the current form",
            metadata: ["secure_cookie.name": "\(configuration.cookie.name)", "secure_cookie.reissue": "\(reasons)"])
        for reason in "\(reasons)".split(separator: ", ") {
            Counter(
                label: "secure_cookie_reissued_total",
                dimensions: [("cookie", configuration.cookie.name), ("reason", String(reason))],
                factory: configuration.metricsFactory
            ).increment()
        }
    }

    /// Applies the configured behaviour to a session that could not be saved (a server problem: `error`).
    private func saveFailed(_ error: SecureCookieError, response: Response, request: Request) throws -> Response {
        var metadata: Logger.Metadata = [
            "secure_cookie.name": "\(configuration.cookie.name)", "secure_cookie.error": "\(error.kind)",
            "secure_cookie.on_failure": "\(configuration.onSaveFailure)",
        ]
        if let limit = error.limit {
            metadata["secure_cookie.limit"] = "\(limit)"
            // A limit's reason states sizes only, never the session's contents.
            metadata["secure_cookie.reason"] = "\(error.reason)"
        }
        request.logger.error("The session could not be saved", metadata: metadata)
        switch configuration.onSaveFailure.action {
        case .omitCookie:
            return response
        case .rethrow:
            throw error
        case .internalServerError:
            let detail = error.limit == .cookieLength ? error.reason : "its contents cannot be written as a cookie"
            return Response(
                status: .internalServerError, headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: .init(string: "The session could not be saved: \(detail).\n"))
        }
    }
}
#endif
