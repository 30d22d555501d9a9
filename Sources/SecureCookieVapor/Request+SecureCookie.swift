// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
public import SecureCookie
public import Vapor

/// Where ``SecureCookieSessionsMiddleware`` keeps a request's session in `Request.storage`: one key per
/// cookie type.
internal struct SecureCookieStorageKey<Format: SecureCookieFormat>: StorageKey {
    typealias Value = SecureCookieRequestSession<Format>
}

/// The empty stand-in session of a request where the middleware did not run (kept, so that a handler
/// reads back what it set during the request, and the missing middleware is reported once).
private struct StandInSessionKey: StorageKey {
    typealias Value = SecureCookieRequestSession<CookieFormat>
}

extension Request {
    /// The request's session cookie, loaded by ``SecureCookieSessionsMiddleware`` for ``CookieFormat``
    /// (the cookie type chosen at run time, which most applications use).
    ///
    /// ```swift
    /// app.get("counter") { req -> String in
    ///     let count = (req.secureCookie["count"]?.intValue ?? 0) + 1
    ///     req.secureCookie["count"] = .int(count)
    ///     return "\(count)"
    /// }
    /// ```
    ///
    /// Where the middleware did not run (it is not installed, or installed for another cookie type or on
    /// another route group), this is an empty session whose changes are never saved (its
    /// ``SecureCookieRequestSession/isLoaded`` is `false`), and the request's logger reports the missing
    /// middleware at `error`, once per request: a programming error, never a crash. Within the request
    /// the stand-in keeps what handlers set; it is dropped with the request. Use
    /// ``secureCookieSession(for:)`` to get an error instead.
    public var secureCookie: SecureCookieRequestSession<CookieFormat> {
        if let session = storage[SecureCookieStorageKey<CookieFormat>.self] { return session }
        if let standIn = storage[StandInSessionKey.self] { return standIn }
        logger.error(
            "req.secureCookie was read where SecureCookieSessionsMiddleware did not run: the session is empty and is not saved",
            metadata: ["secure_cookie.route": "\(method) \(url.path)"])
        let standIn = SecureCookieRequestSession(
            SecureCookie(secretKeys: [], format: CookieFormat(serializationMethod: UnloadedSessionMethod())), isLoaded: false)
        storage[StandInSessionKey.self] = standIn
        return standIn
    }

    /// The request's session cookie of a cookie type, as ``SecureCookieSessionsMiddleware`` loaded it.
    ///
    /// - Parameter format: The middleware's cookie type.
    /// - Returns: The session.
    /// - Throws: ``SecureCookieSessionsError/middlewareMissing`` when the middleware for `format` did not
    ///   run for this request.
    public func secureCookieSession<Format: SecureCookieFormat>(
        for format: Format.Type = Format.self
    ) throws -> SecureCookieRequestSession<Format> {
        guard let session = storage[SecureCookieStorageKey<Format>.self] else {
            throw SecureCookieSessionsError.middlewareMissing
        }
        return session
    }

    /// Installs the session (the middleware's side).
    internal func installSecureCookie<Format: SecureCookieFormat>(_ session: SecureCookieRequestSession<Format>) {
        storage[SecureCookieStorageKey<Format>.self] = session
    }
}

/// An error of the Vapor session integration: a programming error, never caused by a client.
public struct SecureCookieSessionsError: Error, Sendable, Hashable, CustomStringConvertible {
    private let text: String
    private init(_ text: String) { self.text = text }

    /// The session was asked for where ``SecureCookieSessionsMiddleware`` of its cookie type did not run.
    public static let middlewareMissing = SecureCookieSessionsError(
        "the session was read where SecureCookieSessionsMiddleware (of this cookie type) did not run: add it with app.middleware.use")

    /// A sentence that says what went wrong.
    public var description: String { text }
}

/// The codec of the stand-in session given where the middleware is missing: it is never saved, so it
/// writes and reads nothing.
internal struct UnloadedSessionMethod: SerializationMethod {
    var name: String { "none" }
    func dumps(_ value: PythonValue) throws -> [UInt8] {
        throw SecureCookieError.unrepresentable("the session middleware did not run, so this session is not saved")
    }
    func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        throw SecureCookieError.undecodable("the session middleware did not run")
    }
}
#endif
