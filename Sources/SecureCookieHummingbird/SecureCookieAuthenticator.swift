// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
public import Hummingbird
public import HummingbirdAuth
public import SecureCookie

/// Sets `context.identity` to the user a session names, as hummingbird-auth's `SessionAuthenticator`
/// does for its own `SessionMiddleware`: put it after ``SecureCookieMiddleware``, and guard routes with
/// hummingbird-auth's `IsAuthenticatedMiddleware` or `context.requireIdentity()`.
///
/// The context must carry both the session cookie and an identity:
///
/// ```swift
/// struct AppContext: AuthRequestContext, SecureCookieRequestContext {
///     var coreContext: CoreRequestContextStorage
///     var identity: User?
///     let secureCookieSession = SecureCookieSession<CookieFormat>()
///     init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
/// }
///
/// router.add(middleware: SecureCookieMiddleware(secretKeys: keys, format: format))
/// router.add(middleware: SecureCookieAuthenticator<AppContext> { session, _ in
///     try await users.find(id: session["user_id"]?.intValue)
/// })
/// ```
///
/// A request whose session the middleware did not load, or whose session names no user, goes on
/// unauthenticated.
@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
public struct SecureCookieAuthenticator<Context: AuthRequestContext & SecureCookieRequestContext>: AuthenticatorMiddleware {
    /// The authenticated user's type.
    public typealias Identity = Context.Identity

    /// Finds the user the session names.
    public let identity: @Sendable (SecureCookie<Context.SessionFormat>, Context) async throws -> Context.Identity?

    /// Creates the authenticator.
    ///
    /// - Parameters:
    ///   - context: The request context type.
    ///   - identity: Finds the user the session names, or returns `nil`.
    public init(
        context: Context.Type = Context.self,
        identity: @escaping @Sendable (SecureCookie<Context.SessionFormat>, Context) async throws -> Context.Identity?
    ) {
        self.identity = identity
    }

    /// The session's user, if the session was loaded and names one.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The request context.
    /// - Returns: The user, or `nil`.
    /// - Throws: What the closure throws.
    public func authenticate(request: Request, context: Context) async throws -> Identity? {
        guard context.secureCookieSession.isLoaded else { return nil }
        return try await identity(context.session, context)
    }
}
#endif
