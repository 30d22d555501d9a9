import SecureCookie

extension SecureCookieFormat where Self == CookieFormat {
    /// A YAML cookie type, as a Werkzeug subclass using `yaml.safe_dump`/`yaml.safe_load`; HMAC-SHA1, base64-quoted.
    public static var yaml: CookieFormat { CookieFormat(serializationMethod: YAMLSerializationMethod()) }
}
