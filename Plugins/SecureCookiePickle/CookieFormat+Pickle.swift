import SecureCookie

extension SecureCookieFormat where Self == CookieFormat {
    /// Werkzeug's default `SecureCookie`: values pickled (protocol 4, as Python 3.8+ writes), HMAC-SHA1,
    /// base64-quoted — read with the safe unpickler, which builds only allowlisted types.
    public static var pickle: CookieFormat { CookieFormat(serializationMethod: PickleSerializationMethod()) }

    /// A pickle cookie type with chosen options, such as protocol 2 for cookies Python 2 must read.
    ///
    /// - Parameter method: The configured pickle codec.
    /// - Returns: The cookie type.
    public static func pickle(_ method: PickleSerializationMethod) -> CookieFormat {
        CookieFormat(serializationMethod: method)
    }
}

extension SecureCookie where Format == CookieFormat {
    /// Creates a new cookie of Werkzeug's default type (pickle, SHA-1), as `SecureCookie(data, secret_key)`.
    ///
    /// ```swift
    /// var cookie = SecureCookie(["foo": 42, "baz": .tuple([1, 2, 3])], secretKey: "deadbeef")
    /// try cookie.serialize()  // "8eM1MRUnsd9Wg0KzlK/ixRuWTrw=?baz=gASVCQAAAAAAAABLAUsCSwOHlC4=&foo=gARLKi4="
    /// ```
    ///
    /// - Parameters:
    ///   - data: The initial items.
    ///   - secretKey: The key.
    public init(_ data: PythonDict = [:], secretKey: SecretKey) {
        self.init(data, secretKeys: [secretKey], format: .pickle)
    }
}
