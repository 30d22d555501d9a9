/// A cookie *framing*: how a session's items become one signed cookie value and back.
///
/// Two ship with the package: Werkzeug's `SecureCookie` (``WerkzeugFraming``, in this module) and
/// Flask's session cookie (`FlaskSessionFraming`, in `SecureCookieFlask`). A framing holds its keys,
/// its codec and its limits, so one value reads and writes a whole application's cookies; the
/// codec axis (``SerializationMethod``) is independent of it.
///
/// Every framing verifies the cookie's MAC before it decodes anything, names the key that verified
/// it (``CookieVerification``) and why the cookie should be re-issued (``ReissueReasons``), and throws
/// ``SecureCookieError`` only.
///
/// A new framing is one type conforming here: it splits and signs its own text with
/// the shared signing (the secret keys' prekeyed HMAC), spends a ``MaterializationBudget`` on what it
/// reads, and hands the value bytes to its ``SerializationMethod``.
public protocol CookieFraming: Sendable {
    /// The framing's name on the command line: `werkzeug`, `flask`.
    var name: String { get }
    /// The bounds on reading (and on the length written).
    var limits: SecureCookieLimits { get }

    /// Reads a cookie: verifies it, then decodes it.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value's bytes, as the client sent them (without surrounding quotes).
    ///   - now: The current Unix time, for expiry.
    /// - Returns: The session.
    /// - Throws: ``SecureCookieError``.
    func read(_ cookie: [UInt8], now: Double) throws -> FramedSession

    /// Writes a session as a cookie value, signed with the first key.
    ///
    /// - Parameters:
    ///   - data: The items.
    ///   - now: The current Unix time (Flask stores it; Werkzeug does not).
    ///   - expires: An expiry to store, as Werkzeug's `serialize(expires)` does; framings that carry their
    ///     age in a timestamp (Flask) ignore it.
    /// - Returns: The cookie value (ASCII).
    /// - Throws: ``SecureCookieError``: ``SecureCookieError/Kind/invalidKey`` without a key,
    ///   ``SecureCookieError/Kind/unrepresentable`` for a value the codec cannot hold.
    func write(_ data: PythonDict, now: Double, expires: Int64?) throws -> String
}

/// A session as a ``CookieFraming`` read it.
public struct FramedSession: Sendable {
    /// The items (Werkzeug's `_expires` removed into ``expiry``).
    public var data: PythonDict
    /// The key and hash that verified the cookie.
    public var verification: CookieVerification
    /// Why the cookie should be re-issued in the current form (empty when current).
    public var reissueReasons: ReissueReasons
    /// When the cookie stops being accepted, as a Unix time, if it says: Werkzeug's `_expires`, or a Flask
    /// cookie's timestamp plus the framing's maximum age.
    public var expiry: Double?
    /// When the cookie was signed (a Flask cookie's timestamp), as a Unix time.
    public var issuedAt: Int64?

    /// Creates a session read from a cookie.
    ///
    /// - Parameters:
    ///   - data: The items.
    ///   - verification: How it verified.
    ///   - reissueReasons: Why it should be re-issued.
    ///   - expiry: When it expires, if it says.
    ///   - issuedAt: When it was signed, if it says.
    public init(
        data: PythonDict, verification: CookieVerification, reissueReasons: ReissueReasons = [], expiry: Double? = nil,
        issuedAt: Int64? = nil
    ) {
        self.data = data
        self.verification = verification
        self.reissueReasons = reissueReasons
        self.expiry = expiry
        self.issuedAt = issuedAt
    }
}

extension CookieFraming {
    /// Reads a cookie given as text. See ``read(_:now:)``.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value.
    ///   - now: The current Unix time.
    /// - Returns: The session.
    /// - Throws: ``SecureCookieError``.
    public func read(_ cookie: some StringProtocol, now: Double) throws -> FramedSession {
        try read(Array(cookie.utf8), now: now)
    }
}
