// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
public import Hummingbird
public import SecureCookie

/// A request context that carries a Werkzeug-compatible session cookie of one cookie type.
///
/// Conform your context and give it a stored ``secureCookieSession``; ``SecureCookieMiddleware``
/// loads the request's cookie into it and handlers read and change ``session``:
///
/// ```swift
/// struct AppContext: SecureCookieRequestContext {
///     var coreContext: CoreRequestContextStorage
///     let secureCookieSession = SecureCookieSession<CookieFormat>()
///     init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
/// }
///
/// router.get("counter") { _, context -> String in
///     let count = (context.session["count"]?.intValue ?? 0) + 1
///     context.session["count"] = .int(count)
///     return "\(count)"
/// }
/// ```
///
/// ``BasicSecureCookieRequestContext`` is a ready-made conformance.
@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
public protocol SecureCookieRequestContext<SessionFormat>: RequestContext {
    /// The cookie type of the session: codec, hash, quoting, limits and re-issue policy.
    associatedtype SessionFormat: SecureCookieFormat

    /// The slot the middleware fills; every copy of the context shares it.
    var secureCookieSession: SecureCookieSession<SessionFormat> { get }
}

@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
extension SecureCookieRequestContext {
    /// The request's session cookie; changes are saved by ``SecureCookieMiddleware`` when the
    /// cookie's ``SecureCookie/shouldSave`` says so.
    ///
    /// Setting an item marks the cookie modified; a change inside a nested value does not, so
    /// assign the value again. Each access copies the cookie under a lock; to make several changes
    /// atomically use ``SecureCookieSession/withLockedCookie(_:)``.
    public var session: SecureCookie<SessionFormat> {
        get { secureCookieSession.cookie }
        nonmutating set { secureCookieSession.cookie = newValue }
    }
}
#endif
