import SecureCookie

extension SecureCookieFormat where Self == CookieFormat {
    /// A MessagePack cookie type, as a Werkzeug subclass using `msgpack.packb(value, use_bin_type=True,
    /// datetime=True)` and `msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)`;
    /// HMAC-SHA1, base64-quoted.
    ///
    /// ```swift
    /// var cookie = SecureCookie(["user": 42], secretKey: "s3cret", format: .msgpack)
    /// ```
    public static var msgpack: CookieFormat { CookieFormat(serializationMethod: MessagePackSerializationMethod()) }
}
