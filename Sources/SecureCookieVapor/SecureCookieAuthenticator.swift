// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
public import SecureCookie
public import Vapor

/// Logs in the user a session names, as Vapor's `AsyncSessionAuthenticator` does for Vapor's own
/// sessions and hummingbird-auth's `SessionAuthenticator` for its: put it after
/// ``SecureCookieSessionsMiddleware``, and routes behind it find the user in `req.auth`.
///
/// The session carries what identifies the user (an id the closure looks up); the closure returns the
/// user, or `nil` when the session names none (the request stays unauthenticated).
///
/// ```swift
/// struct User: Authenticatable { let id: Int }
/// let protected = app.grouped(SecureCookieAuthenticator<CookieFormat, User> { session, req in
///     try await User.find(session["user_id"]?.intValue, on: req.db)
/// }).grouped(User.guardMiddleware())
/// ```
public struct SecureCookieAuthenticator<Format: SecureCookieFormat, User: Authenticatable>: AsyncRequestAuthenticator {
    /// Finds the user the session names.
    public let user: @Sendable (SecureCookieRequestSession<Format>, Request) async throws -> User?

    /// Creates the authenticator.
    ///
    /// - Parameter user: Finds the user the session names, or returns `nil`.
    public init(user: @escaping @Sendable (SecureCookieRequestSession<Format>, Request) async throws -> User?) {
        self.user = user
    }

    /// Logs in the session's user, if it names one.
    ///
    /// - Parameter request: The request.
    /// - Throws: ``SecureCookieSessionsError/middlewareMissing`` when the session middleware did not run;
    ///   what the closure throws.
    public func authenticate(request: Request) async throws {
        let session = try request.secureCookieSession(for: Format.self)
        if let user = try await user(session, request) { request.auth.login(user) }
    }
}
#endif
