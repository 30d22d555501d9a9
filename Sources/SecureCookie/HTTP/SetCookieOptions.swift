/// How a session cookie is sent back: its name and `Set-Cookie` attributes, as Werkzeug's `save_cookie`.
public struct SetCookieOptions: Sendable, Hashable {
    /// The `SameSite` attribute.
    public struct SameSite: Sendable, Hashable, CustomStringConvertible {
        /// The attribute's value as written.
        public let description: String
        private init(_ value: String) { description = value }
        /// `SameSite=Strict`.
        public static let strict = SameSite("Strict")
        /// `SameSite=Lax`.
        public static let lax = SameSite("Lax")
        /// `SameSite=None` (browsers require `Secure` with it).
        public static let none = SameSite("None")
    }

    /// The cookie's name (Werkzeug's default `session`).
    public var name: String
    /// The cookie's `Expires` (Unix time); also the session's `_expires` unless ``sessionExpires`` is set.
    public var expires: Int64?
    /// When the session data expires (`_expires`), when it differs from the cookie's ``expires``.
    public var sessionExpires: Int64?
    /// `Max-Age` in seconds; without ``expires`` it also sets `Expires` to now plus this, as Werkzeug does.
    public var maxAge: Int?
    /// `Path` (default `/`).
    public var path: String?
    /// `Domain`.
    public var domain: String?
    /// `Secure`.
    public var secure: Bool
    /// `HttpOnly`.
    public var httpOnly: Bool
    /// `SameSite`.
    public var sameSite: SameSite?
    /// Send the cookie even when it was not modified.
    public var force: Bool
    /// `Partitioned` (CHIPS): a third-party cookie kept per top-level site; browsers require `Secure`
    /// with it. Written by ``SessionCookieStore`` (the session middlewares), after the other attributes.
    public var partitioned: Bool

    /// Creates options; the defaults are Werkzeug's.
    public init(
        name: String = "session", expires: Int64? = nil, sessionExpires: Int64? = nil, maxAge: Int? = nil,
        path: String? = "/", domain: String? = nil, secure: Bool = false, httpOnly: Bool = false,
        sameSite: SameSite? = nil, force: Bool = false, partitioned: Bool = false
    ) {
        self.name = name
        self.expires = expires
        self.sessionExpires = sessionExpires
        self.maxAge = maxAge
        self.path = path
        self.domain = domain
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
        self.force = force
        self.partitioned = partitioned
    }
}
