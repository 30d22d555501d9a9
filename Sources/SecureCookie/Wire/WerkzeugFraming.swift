/// Werkzeug's `SecureCookie` framing as a ``CookieFraming``: `base64(mac)?key=value&...`, one cookie
/// type (``SecureCookieFormat``) and its keys. Reading and writing are ``SecureCookie``'s own.
public struct WerkzeugFraming<Format: SecureCookieFormat>: CookieFraming {
    /// `werkzeug`.
    public var name: String { "werkzeug" }
    /// The cookie type: codec, hash, quoting, limits, re-issue policy.
    public var format: Format
    /// The keys: the first signs, every one verifies.
    public var secretKeys: [SecretKey]

    /// Creates the framing.
    ///
    /// - Parameters:
    ///   - format: The cookie type.
    ///   - secretKeys: The keys, current first.
    public init(format: Format, secretKeys: [SecretKey]) {
        self.format = format
        self.secretKeys = secretKeys
    }

    /// The cookie type's limits.
    public var limits: SecureCookieLimits { format.limits }

    /// Reads a cookie with ``SecureCookie/unserialize(bytes:secretKeys:format:now:)``.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value's bytes.
    ///   - now: The current Unix time, for `_expires`.
    /// - Returns: The session; ``FramedSession/expiry`` is its `_expires`.
    /// - Throws: ``SecureCookieError``.
    public func read(_ cookie: [UInt8], now: Double) throws -> FramedSession {
        let read = try SecureCookie.unserialize(bytes: cookie, secretKeys: secretKeys, format: format, now: now)
        guard let verification = read.verification else {
            throw SecureCookieError.badSignature("the cookie did not verify")
        }
        return FramedSession(
            data: read.data, verification: verification, reissueReasons: read.reissueReasons, expiry: read.sessionExpiry)
    }

    /// Writes a cookie with ``SecureCookie/serialize(expires:)``.
    ///
    /// - Parameters:
    ///   - data: The items (str keys).
    ///   - now: Unused: a Werkzeug cookie carries no timestamp.
    ///   - expires: Stored as `_expires` when given.
    /// - Returns: The cookie value.
    /// - Throws: ``SecureCookieError``.
    public func write(_ data: PythonDict, now: Double, expires: Int64?) throws -> String {
        var cookie = SecureCookie(data, secretKeys: secretKeys, format: format)
        return try cookie.serialize(expires: expires)
    }
}
