// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
public import Logging
public import Metrics
public import SecureCookie

import struct Foundation.Date

/// How ``SecureCookieMiddleware`` names, writes and times the session cookie.
public struct SecureCookieSessionConfiguration: Sendable {
    /// What the middleware does when the session cannot be saved, most often because its
    /// `Set-Cookie` would pass the 4096 bytes browsers keep
    /// (``SecureCookieError/Limit/cookieLength``).
    public struct SaveFailureBehavior: Sendable, Hashable, CustomStringConvertible {
        internal enum Action: Sendable, Hashable { case internalServerError, omitCookie, rethrow }
        internal let action: Action
        private init(_ action: Action) { self.action = action }

        /// Replace the handler's response with `500 Internal Server Error` and a plain-text body
        /// that says why (the default): the client learns the change was not kept, rather than a
        /// browser silently dropping an oversized cookie.
        public static let internalServerError = SaveFailureBehavior(.internalServerError)
        /// Send the handler's response without `Set-Cookie`: the client keeps its previous cookie.
        public static let omitCookie = SaveFailureBehavior(.omitCookie)
        /// Throw the ``SecureCookieError`` to the middleware in front, for the application's own
        /// error handling.
        public static let rethrow = SaveFailureBehavior(.rethrow)

        /// The behaviour's name: `internal-server-error`, `omit-cookie` or `rethrow`.
        public var description: String {
            switch action {
            case .internalServerError: return "internal-server-error"
            case .omitCookie: return "omit-cookie"
            case .rethrow: return "rethrow"
            }
        }
    }

    /// The cookie's name and `Set-Cookie` attributes: Path, Domain, Secure, HttpOnly, SameSite,
    /// Partitioned, Max-Age and Expires (an `Expires` computed from Max-Age uses the middleware's clock).
    public var cookie: SetCookieOptions
    /// How long, in seconds, a saved session stays valid (its `_expires`, checked when the cookie
    /// comes back); `nil` keeps ``SetCookieOptions/sessionExpires`` or ``SetCookieOptions/expires``,
    /// and otherwise the expiry the cookie arrived with. A session given its own lifetime
    /// (``SecureCookieSession/lifetime``) uses that instead.
    public var sessionLifetime: Int64?
    /// What to do when the session cannot be saved.
    public var onSaveFailure: SaveFailureBehavior
    /// The level rejected cookies are logged at (`debug` by default): a bad cookie is client input, so
    /// swift-log's guidance keeps it below `notice`; the `secure_cookie_rejected_total` counter counts them.
    public var rejectionLogLevel: Logger.Level
    /// The level re-issues of outdated cookies are logged at (`debug` by default).
    public var reissueLogLevel: Logger.Level
    /// Where the counters go: `secure_cookie_rejected_total` (dimension `kind`, the error kind) and
    /// `secure_cookie_reissued_total` (dimension `reason`), each with the cookie's name as `cookie`.
    /// `MetricsSystem.factory` (what the process bootstrapped) by default.
    public var metricsFactory: any MetricsFactory
    /// The current Unix time; the system clock unless a test fixes it.
    public var clock: @Sendable () -> Double

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - cookie: The cookie's name and attributes (Werkzeug's defaults: `session`, `Path=/`).
    ///   - sessionLifetime: Seconds a saved session stays valid, or `nil`.
    ///   - onSaveFailure: What to do when the session cannot be saved (a 500 by default).
    ///   - rejectionLogLevel: The level of the log record for a rejected cookie.
    ///   - reissueLogLevel: The level of the log record for a re-issued cookie.
    ///   - metricsFactory: Where the counters go.
    ///   - clock: The current Unix time.
    public init(
        cookie: SetCookieOptions = SetCookieOptions(),
        sessionLifetime: Int64? = nil,
        onSaveFailure: SaveFailureBehavior = .internalServerError,
        rejectionLogLevel: Logger.Level = .debug,
        reissueLogLevel: Logger.Level = .debug,
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        clock: @escaping @Sendable () -> Double = SecureCookieSessionConfiguration.systemClock
    ) {
        self.cookie = cookie
        self.sessionLifetime = sessionLifetime
        self.onSaveFailure = onSaveFailure
        self.rejectionLogLevel = rejectionLogLevel
        self.reissueLogLevel = reissueLogLevel
        self.metricsFactory = metricsFactory
        self.clock = clock
    }

    /// The system clock as Unix time.
    ///
    /// - Returns: Seconds since 1970-01-01 UTC.
    @Sendable
    public static func systemClock() -> Double {
        Date().timeIntervalSince1970
    }
}
#endif
