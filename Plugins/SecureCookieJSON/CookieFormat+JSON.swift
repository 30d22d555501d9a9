import SecureCookie

extension SecureCookieFormat where Self == CookieFormat {
    /// Werkzeug's `JSONSecureCookie`: values as `json.dumps` writes them, HMAC-SHA1, base64-quoted.
    ///
    /// ```swift
    /// var cookie = SecureCookie(["user": 42], secretKey: "s3cret", format: .json)
    /// ```
    public static var json: CookieFormat { CookieFormat(serializationMethod: JSONSerializationMethod()) }
}
