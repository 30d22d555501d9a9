// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
internal import NIOConcurrencyHelpers
public import SecureCookie
public import SecureCookieCodable

/// The session cookie of one request, shared between ``SecureCookieMiddleware`` and the handlers.
///
/// Hummingbird passes the request context to each handler by value, so a handler's changes to a
/// stored property would never reach the middleware that saves the cookie. A `SecureCookieSession`
/// is a reference to one locked slot instead: every copy of the context sees, and changes, the same
/// cookie. Handlers normally use ``SecureCookieRequestContext/session``, which reads and writes
/// this slot; a whole `Codable` session type goes through ``decode(as:decoder:)`` and
/// ``store(_:encoder:)``, ``clear()`` ends the session and ``lifetime`` gives one session its own
/// lifetime ("remember me").
///
/// Read where ``SecureCookieMiddleware`` did not run (it is not on this route), the session is an empty
/// one that is never saved (``isLoaded`` stays `false`): a programming error that the middleware cannot
/// report, and never a crash for a ``CookieFormat`` session or one made with ``init(formatWithoutMiddleware:)``.
public struct SecureCookieSession<Format: SecureCookieFormat>: Sendable {
    /// The cookie, and whether a handler has read or changed it.
    private struct State {
        var cookie: SecureCookie<Format>?
        var accessed = false
        var cleared = false
    }

    private let slot: NIOLockedValueBox<State>
    /// The cookie type of the empty stand-in session read where the middleware did not run.
    private let formatWithoutMiddleware: Format?

    /// Creates an empty slot; ``SecureCookieMiddleware`` fills it before the handlers run.
    public init() {
        slot = NIOLockedValueBox(State())
        formatWithoutMiddleware = CookieFormat(serializationMethod: UnloadedSessionMethod()) as? Format
    }

    /// Creates an empty slot whose stand-in session, read where the middleware did not run, is of this
    /// cookie type (``init()`` makes one itself for ``CookieFormat``; other cookie types need this).
    ///
    /// - Parameter format: The cookie type of the stand-in session; it is never saved.
    public init(formatWithoutMiddleware format: Format) {
        slot = NIOLockedValueBox(State())
        formatWithoutMiddleware = format
    }

    /// Whether the middleware has put a cookie in the slot.
    public var isLoaded: Bool { slot.withLockedValue { $0.cookie != nil } }

    /// Whether a handler has read or changed the cookie since the middleware stored it: the
    /// response then depends on the cookie, and ``SecureCookieMiddleware`` adds `Vary: Cookie`
    /// (as Flask does when its session was accessed).
    public var wasAccessed: Bool { slot.withLockedValue { $0.accessed } }

    /// The request's session cookie.
    ///
    /// Where ``SecureCookieMiddleware`` did not run, this is an empty session, and setting it changes
    /// nothing (see the type's discussion).
    public var cookie: SecureCookie<Format> {
        get { withLockedCookie { $0 } }
        nonmutating set { withLockedCookie { $0 = newValue } }
    }

    /// Changes the cookie while holding the slot's lock, so concurrent tasks of one request cannot
    /// lose each other's changes.
    ///
    /// - Parameter body: Changes the cookie and returns a result.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws; the cookie keeps the changes made before the throw.
    public func withLockedCookie<Result>(_ body: (inout SecureCookie<Format>) throws -> Result) rethrows -> Result {
        let standIn = formatWithoutMiddleware
        return try slot.withLockedValue { state in
            guard var cookie = state.cookie else {
                // Not loaded: an empty session that is never stored, so never saved.
                guard let standIn else {
                    preconditionFailure(
                        "context.session was used before SecureCookieMiddleware ran, and the cookie type is not CookieFormat: "
                            + "add the middleware to the router, or make the slot with init(formatWithoutMiddleware:)")
                }
                var empty = SecureCookie(secretKeys: [], format: standIn)
                return try body(&empty)
            }
            state.accessed = true
            defer { state.cookie = cookie }
            return try body(&cookie)
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
            guard let cookie = state.cookie else { return }
            state.accessed = true
            state.cleared = true
            state.cookie = SecureCookie(secretKeys: cookie.secretKeys, format: cookie.format)
        }
    }

    /// This session's own lifetime in seconds, or `nil` for the configuration's: a "remember me"
    /// session is saved with `Max-Age` and `_expires` of this many seconds, on this and every later
    /// save (it is kept in the session as ``SessionCookieStore/lifetimeKey``, as Flask keeps
    /// `_permanent`). Values outside 1...``SessionCookieStore/maximumSessionLifetime`` are ignored.
    public var lifetime: Int64? {
        get { SessionCookieStore<Format>.sessionLifetime(of: cookie) }
        nonmutating set {
            withLockedCookie { cookie in
                cookie[SessionCookieStore<Format>.lifetimeKey] = newValue.flatMap { Int(exactly: $0) }.map(PythonValue.int)
            }
        }
    }

    /// Puts the loaded cookie in the slot (the middleware's side).
    internal func store(_ cookie: SecureCookie<Format>) {
        slot.withLockedValue { $0 = State(cookie: cookie) }
    }

    /// The cookie as the handlers left it (`nil` when the slot was never filled), and whether it was
    /// cleared with nothing set since.
    internal func take() -> (cookie: SecureCookie<Format>?, cleared: Bool) {
        slot.withLockedValue { ($0.cookie, $0.cleared && $0.cookie?.isModified == false) }
    }
}

/// The codec of the stand-in session read where the middleware did not run: it is never saved, so it
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
