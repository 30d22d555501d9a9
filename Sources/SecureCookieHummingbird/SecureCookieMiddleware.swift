// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
public import Hummingbird
internal import Logging
internal import Metrics
public import SecureCookie

/// Loads the request's Werkzeug-compatible session cookie into the context and sends it back
/// only when it should be saved.
///
/// Before the handlers run, the middleware reads the cookie named in the configuration from the
/// `Cookie` header and verifies it with the secret keys. A cookie that is missing starts a new,
/// empty session; one that fails to verify or decode (bad signature, expired, malformed,
/// undecodable, refused, over a limit) starts a new session too, is logged at the configuration's
/// ``SecureCookieSessionConfiguration/rejectionLogLevel`` (`debug`) with its error kind, never its
/// value, and is counted in `secure_cookie_rejected_total` by kind.
///
/// After the handlers, a response whose handler read or changed the session gets `Vary: Cookie`
/// (as Flask adds it when its session was accessed), so shared caches keep visitors apart.
/// The cookie is sent in `Set-Cookie` when ``SecureCookie/shouldSave`` is
/// true: a handler changed it, or it is outdated (written by a legacy codec, signed with a rotated
/// key or a legacy hash, near expiry) and the cookie type's ``SecureCookieFormat/reissuePolicy``
/// migrates (counted in `secure_cookie_reissued_total` by reason); or always, with
/// ``SetCookieOptions/force``. A session the handler cleared (``SecureCookieSession/clear()``) is
/// deleted from the browser instead. The `Set-Cookie` value is checked against the 4096 bytes browsers keep before it is
/// sent; when it is longer, the configuration's
/// ``SecureCookieSessionConfiguration/SaveFailureBehavior`` decides (a logged 500 by default).
///
/// ```swift
/// let format = CookieFormat(
///     serializationMethod: MigratingSerializationMethod(reading: .pickle, writing: .json),
///     reissuePolicy: .migrate)
/// let router = Router(context: BasicSecureCookieRequestContext<CookieFormat>.self)
/// router.add(middleware: SecureCookieMiddleware(secretKeys: [key], format: format))
/// ```
@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
public struct SecureCookieMiddleware<Context: SecureCookieRequestContext>: RouterMiddleware {
    /// The keys: the first signs, every one verifies (older keys last).
    public let secretKeys: [SecretKey]
    /// The cookie type.
    public let format: Context.SessionFormat
    /// Cookie name, attributes, lifetime, failure behaviour and clock.
    public let configuration: SecureCookieSessionConfiguration
    /// The reading and saving rules, shared with every framework's middleware.
    private let store: SessionCookieStore<Context.SessionFormat>

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
        secretKeys: [SecretKey], format: Context.SessionFormat, framing: (any CookieFraming)? = nil,
        legacyFramings: [any CookieFraming] = [],
        configuration: SecureCookieSessionConfiguration = SecureCookieSessionConfiguration()
    ) {
        self.secretKeys = secretKeys
        self.format = format
        self.configuration = configuration
        self.store = SessionCookieStore(
            secretKeys: secretKeys, format: format, framing: framing, legacyFramings: legacyFramings,
            options: configuration.cookie, sessionLifetime: configuration.sessionLifetime)
    }

    /// Loads the session, runs the handlers, and saves the session when it should be saved.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The request context; its ``SecureCookieRequestContext/secureCookieSession`` is filled.
    ///   - next: The rest of the responder chain.
    /// - Returns: The handlers' response, with `Set-Cookie` when the session was saved, or a
    ///   `500` when it could not be saved and the configuration says so.
    /// - Throws: What `next` throws (the session is then not saved), or, with
    ///   ``SecureCookieSessionConfiguration/SaveFailureBehavior/rethrow``, the ``SecureCookieError`` from saving.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let now = configuration.clock()
        context.secureCookieSession.store(load(request, context: context, now: now))
        var response = try await next(request, context)
        if context.secureCookieSession.wasAccessed { Self.addVaryCookie(to: &response) }
        guard case (var cookie?, let cleared) = context.secureCookieSession.take() else { return response }
        if cleared {
            response.headers[values: .setCookie].append(store.expiringSetCookieHeader())
            return response
        }
        guard cookie.shouldSave || configuration.cookie.force else { return response }
        do {
            guard let header = try store.setCookieHeader(for: &cookie, now: now) else { return response }
            if !cookie.isModified && !cookie.reissueReasons.isEmpty { reissued(cookie.reissueReasons, context: context) }
            response.headers[values: .setCookie].append(header)
            return response
        } catch let error as SecureCookieError {
            return try saveFailed(error, response: response, context: context)
        }
    }

    /// Logs and counts a re-issue of an outdated cookie.
    private func reissued(_ reasons: ReissueReasons, context: Context) {
        context.logger.log(
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

    /// Adds `Cookie` to the response's `Vary` header, unless a `Vary` value already lists it or `*`:
    /// a shared cache must not give one visitor's session-dependent response to another.
    private static func addVaryCookie(to response: inout Response) {
        let listed = response.headers[values: .vary].flatMap { $0.split(separator: ",") }
            .map { $0.filter { $0 != " " && $0 != "\t" }.lowercased() }
        guard !listed.contains("cookie"), !listed.contains("*") else { return }
        response.headers[values: .vary].append("Cookie")
    }

    /// The request's cookie, or a new one when it has none or it does not verify (logged and counted).
    private func load(_ request: Request, context: Context, now: Double) -> SecureCookie<Context.SessionFormat> {
        let cookieHeaders = request.headers[values: .cookie]
        let header = cookieHeaders.isEmpty ? nil : cookieHeaders.joined(separator: "; ")
        let loaded = store.load(cookieHeader: header, now: now)
        if let error = loaded.rejection {
            var metadata: Logger.Metadata = ["secure_cookie.name": "\(configuration.cookie.name)"]
            metadata["secure_cookie.error"] = "\(error.kind)"
            if let limit = error.limit { metadata["secure_cookie.limit"] = "\(limit)" }
            context.logger.log(
                level: configuration.rejectionLogLevel, "Session cookie rejected; starting a new session", metadata: metadata)
            Counter(
                label: "secure_cookie_rejected_total",
                dimensions: [("cookie", configuration.cookie.name), ("kind", "\(error.kind)")],
                factory: configuration.metricsFactory
            ).increment()
        }
        return loaded.cookie
    }

    /// Applies the configured behaviour to a session that could not be saved (a server problem: `error`).
    private func saveFailed(_ error: SecureCookieError, response: Response, context: Context) throws -> Response {
        var metadata: Logger.Metadata = [
            "secure_cookie.name": "\(configuration.cookie.name)", "secure_cookie.error": "\(error.kind)",
            "secure_cookie.on_failure": "\(configuration.onSaveFailure)",
        ]
        if let limit = error.limit {
            metadata["secure_cookie.limit"] = "\(limit)"
            // A limit's reason states sizes only, never the session's contents.
            metadata["secure_cookie.reason"] = "\(error.reason)"
        }
        context.logger.error("The session could not be saved", metadata: metadata)
        switch configuration.onSaveFailure.action {
        case .omitCookie:
            return response
        case .rethrow:
            throw error
        case .internalServerError:
            let detail = error.limit == .cookieLength ? error.reason : "its contents cannot be written as a cookie"
            return Response(
                status: .internalServerError,
                headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "The session could not be saved: \(detail).\n")))
        }
    }
}
#endif
