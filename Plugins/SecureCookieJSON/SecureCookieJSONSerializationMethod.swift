import SecureCookie

/// JSON as secure-cookie 0.2 (pallets-eco/secure-cookie, the maintained successor of Werkzeug's
/// contrib module) writes it: `json.dumps(value, separators=(",", ":"), sort_keys=True)`.
///
/// The same engine as ``JSONSerializationMethod``, so the same values and refusals, laid out compactly
/// with every dict's keys sorted as Python sorts them (keys Python cannot order against each other,
/// such as `str` beside `int`, are unrepresentable, a `TypeError` in Python). Reading is `json.loads`.
///
/// ```swift
/// let format = CookieFormat(serializationMethod: .secureCookieJSON)
/// ```
public struct SecureCookieJSONSerializationMethod: SerializationMethod {
    /// `secure-cookie-json`.
    public let name = "secure-cookie-json"

    /// Creates the codec.
    public init() {}

    /// Writes a value as secure-cookie 0.2's `_JSONModule.dumps(value)` does, UTF-8 encoded.
    ///
    /// - Parameter value: The value.
    /// - Returns: The JSON bytes (ASCII only).
    /// - Throws: ``SecureCookieError`` of kind `unrepresentable`, as ``JSONSerializationMethod/dumps(_:)``, and
    ///   for dict keys Python cannot sort.
    public func dumps(_ value: PythonValue) throws -> [UInt8] {
        try JSONText.write(value, options: .compactSorted)
    }

    /// Reads a value as `json.loads(bytes)` does: see ``JSONSerializationMethod/loads(_:limits:)``.
    ///
    /// - Parameters:
    ///   - bytes: One JSON document.
    ///   - limits: The bounds to enforce.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``.
    public func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        try JSONSerializationMethod().loads(bytes, limits: limits)
    }
}

extension SerializationMethod where Self == SecureCookieJSONSerializationMethod {
    /// secure-cookie 0.2's JSON, registered as `secure-cookie-json`.
    public static var secureCookieJSON: Self { SecureCookieJSONSerializationMethod() }
}
