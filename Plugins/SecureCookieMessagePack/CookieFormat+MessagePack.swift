import SecureCookie

extension SecureCookieFormat where Self == CookieFormat {
    /// A MessagePack cookie type, as a Werkzeug subclass using `msgpack.packb`/`unpackb`; HMAC-SHA1, base64-quoted.
    public static var msgpack: CookieFormat { CookieFormat(serializationMethod: MessagePackSerializationMethod()) }
}
