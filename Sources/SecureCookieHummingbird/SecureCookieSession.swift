// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
internal import NIOConcurrencyHelpers
public import SecureCookie

/// The session cookie of one request, shared between ``SecureCookieMiddleware`` and the handlers.
///
/// Hummingbird passes the request context to each handler by value, so a handler's changes to a
/// stored property would never reach the middleware that saves the cookie. A `SecureCookieSession`
/// is a reference to one locked slot instead: every copy of the context sees, and changes, the same
/// cookie. Handlers normally use ``SecureCookieRequestContext/session``, which reads and writes
/// this slot.
public struct SecureCookieSession<Format: SecureCookieFormat>: Sendable {
    /// The cookie, and whether a handler has read or changed it.
    private struct State {
        var cookie: SecureCookie<Format>?
        var accessed = false
    }

    private let slot: NIOLockedValueBox<State>

    /// Creates an empty slot; ``SecureCookieMiddleware`` fills it before the handlers run.
    public init() {
        slot = NIOLockedValueBox(State())
    }

    /// Whether the middleware has put a cookie in the slot.
    public var isLoaded: Bool { slot.withLockedValue { $0.cookie != nil } }

    /// Whether a handler has read or changed the cookie since the middleware stored it: the
    /// response then depends on the cookie, and ``SecureCookieMiddleware`` adds `Vary: Cookie`
    /// (as Flask does when its session was accessed).
    public var wasAccessed: Bool { slot.withLockedValue { $0.accessed } }

    /// The request's session cookie.
    ///
    /// Reading it before ``SecureCookieMiddleware`` has run is a programming error (the middleware is
    /// not installed on this route) and stops the process with a message saying so; nothing a client
    /// sends can cause it.
    public var cookie: SecureCookie<Format> {
        get {
            let cookie = slot.withLockedValue { state -> SecureCookie<Format>? in
                state.accessed = true
                return state.cookie
            }
            guard let cookie else {
                preconditionFailure("context.session was read before SecureCookieMiddleware ran: add the middleware to the router")
            }
            return cookie
        }
        nonmutating set {
            slot.withLockedValue {
                $0.cookie = newValue
                $0.accessed = true
            }
        }
    }

    /// Changes the cookie while holding the slot's lock, so concurrent tasks of one request cannot
    /// lose each other's changes.
    ///
    /// - Parameter body: Changes the cookie and returns a result.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws; the cookie keeps the changes made before the throw.
    public func withLockedCookie<Result>(_ body: (inout SecureCookie<Format>) throws -> Result) rethrows -> Result {
        try slot.withLockedValue { state in
            guard var cookie = state.cookie else {
                preconditionFailure("context.session was used before SecureCookieMiddleware ran: add the middleware to the router")
            }
            state.accessed = true
            defer { state.cookie = cookie }
            return try body(&cookie)
        }
    }

    /// Puts the loaded cookie in the slot (the middleware's side).
    internal func store(_ cookie: SecureCookie<Format>) {
        slot.withLockedValue { $0 = State(cookie: cookie) }
    }

    /// The cookie as the handlers left it, or `nil` when the slot was never filled.
    internal func take() -> SecureCookie<Format>? {
        slot.withLockedValue { $0.cookie }
    }
}
#endif
