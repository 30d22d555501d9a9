// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
internal import NIOConcurrencyHelpers
public import SecureCookie
public import SecureCookieCodable

/// The session cookie of one request, shared between ``SecureCookieSessionsMiddleware`` and the
/// route handlers through `Request.storage`: read it as `req.secureCookie`.
///
/// It is a reference to one locked slot, so every task of a request sees and changes the same
/// session. Items are read and written with the subscript; a whole `Codable` session type with
/// ``decode(as:decoder:)`` and ``store(_:encoder:)``; ``clear()`` ends the session (the browser is
/// told to delete the cookie) and ``lifetime`` gives one session its own lifetime ("remember me").
///
/// ```swift
/// app.get("counter") { req -> String in
///     let count = (req.secureCookie["count"]?.intValue ?? 0) + 1
///     req.secureCookie["count"] = .int(count)
///     return "\(count)"
/// }
/// ```
///
/// A session read where the middleware did not run (``isLoaded`` is `false`) is empty, and changes to
/// it are never saved; the request's logger says so at `error`, once per request.
public final class SecureCookieRequestSession<Format: SecureCookieFormat>: Sendable {
    private struct State {
        var cookie: SecureCookie<Format>
        var accessed = false
        var cleared = false
    }

    private let slot: NIOLockedValueBox<State>
    /// Whether the middleware loaded this session from the request; `false` for the empty stand-in given
    /// where the middleware is not installed, which is never saved.
    public let isLoaded: Bool

    /// Creates a slot holding a cookie.
    ///
    /// - Parameters:
    ///   - cookie: The request's session.
    ///   - isLoaded: Whether the middleware loaded it (and will save it).
    internal init(_ cookie: SecureCookie<Format>, isLoaded: Bool) {
        slot = NIOLockedValueBox(State(cookie: cookie))
        self.isLoaded = isLoaded
    }

    /// The request's session cookie; changes are saved when its ``SecureCookie/shouldSave`` says so.
    ///
    /// Setting an item marks the cookie modified; a change inside a nested value does not, so
    /// assign the value again. Each access copies the cookie under a lock; to make several changes
    /// atomically use ``withLockedCookie(_:)``.
    public var cookie: SecureCookie<Format> {
        get { withLockedCookie { $0 } }
        set { withLockedCookie { $0 = newValue } }
    }

    /// An item of the session.
    ///
    /// - Parameter key: The item's key.
    public subscript(key: String) -> PythonValue? {
        get { cookie[key] }
        set { withLockedCookie { $0[key] = newValue } }
    }

    /// Changes the cookie while holding the slot's lock, so concurrent tasks of one request cannot
    /// lose each other's changes.
    ///
    /// - Parameter body: Changes the cookie and returns a result.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws; the cookie keeps the changes made before the throw.
    public func withLockedCookie<Result>(_ body: (inout SecureCookie<Format>) throws -> Result) rethrows -> Result {
        try slot.withLockedValue { state in
            state.accessed = true
            return try body(&state.cookie)
        }
    }

    /// The session as an app's `Decodable` session type (items the type does not declare are ignored).
    ///
    /// - Parameters:
    ///   - type: The session type.
    ///   - decoder: How values are decoded.
    /// - Returns: The session.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/undecodable`` naming the item.
    public func decode<T: Decodable>(as type: T.Type = T.self, decoder: PythonValueDecoder = PythonValueDecoder()) throws -> T {
        try cookie.decode(as: type, decoder: decoder)
    }

    /// Replaces the session's items with the fields of an app's `Encodable` session type; the session
    /// is saved only when the items change. Items the type does not declare are removed, except
    /// ``SessionCookieStore/lifetimeKey``.
    ///
    /// - Parameters:
    ///   - value: The session; it must encode as a keyed container.
    ///   - encoder: How the value is encoded.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unrepresentable``; the session is
    ///   unchanged then.
    public func store<T: Encodable>(_ value: T, encoder: PythonValueEncoder = PythonValueEncoder()) throws {
        try withLockedCookie { cookie in
            let lifetime = cookie[SessionCookieStore<Format>.lifetimeKey]
            try cookie.store(value, encoder: encoder)
            if let lifetime, cookie[SessionCookieStore<Format>.lifetimeKey] == nil {
                cookie[SessionCookieStore<Format>.lifetimeKey] = lifetime
            }
        }
    }

    /// Ends the session: every item is removed, and unless an item is set again before the response,
    /// the response tells the browser to delete the cookie (`Max-Age=0` and an `Expires` in the past,
    /// as Werkzeug's `delete_cookie`).
    public func clear() {
        slot.withLockedValue { state in
            state.accessed = true
            state.cleared = true
            state.cookie = SecureCookie(secretKeys: state.cookie.secretKeys, format: state.cookie.format)
        }
    }

    /// This session's own lifetime in seconds, or `nil` for the configuration's: a "remember me"
    /// session is saved with `Max-Age` and `_expires` of this many seconds, on this and every later
    /// save (it is kept in the session as ``SessionCookieStore/lifetimeKey``, as Flask keeps
    /// `_permanent`). Values outside 1...``SessionCookieStore/maximumSessionLifetime`` are ignored.
    public var lifetime: Int64? {
        get { SessionCookieStore<Format>.sessionLifetime(of: cookie) }
        set {
            withLockedCookie { cookie in
                cookie[SessionCookieStore<Format>.lifetimeKey] = newValue.flatMap { Int(exactly: $0) }.map(PythonValue.int)
            }
        }
    }

    /// Whether a handler read or changed the session: the response then depends on the cookie and gets
    /// `Vary: Cookie`.
    internal var wasAccessed: Bool { slot.withLockedValue { $0.accessed } }

    /// The session as the handlers left it, and whether it was cleared (and nothing set since).
    internal func take() -> (cookie: SecureCookie<Format>, cleared: Bool) {
        slot.withLockedValue { ($0.cookie, $0.cleared && !$0.cookie.isModified) }
    }
}
#endif
