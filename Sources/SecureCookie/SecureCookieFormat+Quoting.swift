extension SecureCookieFormat {
    /// One value as it appears after `key=` in a cookie: the codec's bytes, base64-encoded when
    /// ``quoteBase64`` (Werkzeug's `SecureCookie.quote`).
    ///
    /// In Werkzeug, `quote` and `unquote` are the override points for changing how values are stored;
    /// here that point is the codec: a ``MigratingSerializationMethod`` or a ``SerializationMethod`` of
    /// your own.
    ///
    /// - Parameter value: The value.
    /// - Returns: The quoted text (ASCII when base64-quoted).
    /// - Throws: ``SecureCookieError/Kind/unrepresentable`` from the codec.
    public func quote(_ value: PythonValue) throws -> String {
        let bytes = try serializationMethod.dumps(value)
        guard quoteBase64 else { return String(decoding: bytes, as: UTF8.self) }
        var text: [UInt8] = []
        Base64.encode(bytes, into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads one quoted value back (Werkzeug's `SecureCookie.unquote`). Werkzeug's `UnquoteError` is a
    /// ``SecureCookieError`` of kind ``SecureCookieError/Kind/undecodable`` here (or refused, or limit
    /// exceeded, as the codec says).
    ///
    /// Only for text whose MAC was checked: ``SecureCookie/unserialize(_:secretKeys:format:now:)`` calls
    /// the codec the same way after verifying.
    ///
    /// - Parameter text: The quoted value.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``.
    public func unquote(_ text: some StringProtocol) throws -> PythonValue {
        let raw = Array(text.utf8)
        guard quoteBase64 else { return try serializationMethod.loads(raw[...], limits: limits) }
        guard let bytes = Base64.decode(raw) else { throw SecureCookieError.undecodable("the value is not valid base64") }
        return try serializationMethod.loads(bytes[...], limits: limits)
    }
}
