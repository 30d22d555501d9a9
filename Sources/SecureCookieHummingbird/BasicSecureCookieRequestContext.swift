// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
public import Hummingbird
public import SecureCookie

/// A request context with nothing but Hummingbird's core storage and a session cookie of type `Format`.
///
/// ```swift
/// let router = Router(context: BasicSecureCookieRequestContext<CookieFormat>.self)
/// router.add(middleware: SecureCookieMiddleware(secretKeys: keys, format: format))
/// ```
@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
public struct BasicSecureCookieRequestContext<Format: SecureCookieFormat>: SecureCookieRequestContext {
    /// The session cookie's cookie type.
    public typealias SessionFormat = Format

    /// Hummingbird's per-request storage (logger, parameters, endpoint).
    public var coreContext: CoreRequestContextStorage
    /// The slot ``SecureCookieMiddleware`` fills with the request's cookie.
    public let secureCookieSession: SecureCookieSession<Format>

    /// Creates the context for one request.
    ///
    /// - Parameter source: What Hummingbird knows about the request's channel and logger.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        secureCookieSession = SecureCookieSession()
    }
}
#endif
