/// A cookie *type*: its codec, hash and quoting, fixed the way a Werkzeug subclass fixes them.
///
/// In Werkzeug, `class JSONSecureCookie(SecureCookie): serialization_method = json`. Here a type
/// conforms to `SecureCookieFormat`, and `SecureCookie<JSONSecureCookieFormat>` is that cookie:
///
/// ```swift
/// struct SessionCookie: SecureCookieFormat {
///     var serializationMethod: any SerializationMethod { .json }
///     var hashMethod: HashMethod { .sha256 }
/// }
/// var cookie = SecureCookie(["user": 42], secretKey: "s3cret", format: SessionCookie())
/// ```
///
/// For a codec chosen at run time from configuration, use ``CookieFormat``.
public protocol SecureCookieFormat: Sendable {
    /// The codec values are written and read with.
    var serializationMethod: any SerializationMethod { get }
    /// The hash the MAC is made with.
    var hashMethod: HashMethod { get }
    /// Further hashes that still verify (cookies issued before a change of hash); never used to sign.
    var legacyHashMethods: [HashMethod] { get }
    /// Whether values are base64-encoded (Werkzeug's `quote_base64`).
    var quoteBase64: Bool { get }
    /// The bounds on reading.
    var limits: SecureCookieLimits { get }
    /// Whether cookies that verified but are outdated (legacy codec, rotated key, legacy hash, near
    /// expiry) should be saved again.
    var reissuePolicy: ReissuePolicy { get }
}

extension SecureCookieFormat {
    /// SHA-1, Werkzeug's default.
    public var hashMethod: HashMethod { .insecureSHA1 }
    /// None.
    public var legacyHashMethods: [HashMethod] { [] }
    /// `true`, Werkzeug's default.
    public var quoteBase64: Bool { true }
    /// ``SecureCookieLimits/default``.
    public var limits: SecureCookieLimits { .default }
    /// ``ReissuePolicy/never``, Werkzeug's behaviour.
    public var reissuePolicy: ReissuePolicy { .never }
}

/// A cookie type chosen at run time: a codec from a ``SerializationRegistry``, a hash from configuration.
///
/// ```swift
/// let format = CookieFormat(serializationMethod: try registry.method(named: "json"), hashMethod: .sha256)
/// ```
public struct CookieFormat: SecureCookieFormat {
    /// The codec.
    public var serializationMethod: any SerializationMethod
    /// The hash the MAC is made with.
    public var hashMethod: HashMethod
    /// Further hashes that still verify.
    public var legacyHashMethods: [HashMethod]
    /// Whether values are base64-encoded.
    public var quoteBase64: Bool
    /// The bounds on reading.
    public var limits: SecureCookieLimits
    /// Whether outdated cookies are saved again.
    public var reissuePolicy: ReissuePolicy

    /// Creates a cookie type.
    ///
    /// - Parameters:
    ///   - serializationMethod: The codec.
    ///   - hashMethod: The hash the MAC is made with (SHA-1 by default, as Werkzeug).
    ///   - legacyHashMethods: Further hashes that still verify.
    ///   - quoteBase64: Whether values are base64-encoded.
    ///   - limits: The bounds on reading.
    ///   - reissuePolicy: Whether outdated cookies are saved again.
    public init(
        serializationMethod: any SerializationMethod, hashMethod: HashMethod = .insecureSHA1,
        legacyHashMethods: [HashMethod] = [], quoteBase64: Bool = true, limits: SecureCookieLimits = .default,
        reissuePolicy: ReissuePolicy = .never
    ) {
        self.serializationMethod = serializationMethod
        self.hashMethod = hashMethod
        self.legacyHashMethods = legacyHashMethods
        self.quoteBase64 = quoteBase64
        self.limits = limits
        self.reissuePolicy = reissuePolicy
    }
}
