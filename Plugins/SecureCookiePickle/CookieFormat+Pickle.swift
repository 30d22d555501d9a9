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
