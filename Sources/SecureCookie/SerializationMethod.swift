/// A codec that turns a ``PythonValue`` into bytes and back: Werkzeug's `serialization_method`.
///
/// Codecs live in their own modules (`SecureCookieJSON`, `SecureCookiePickle`,
/// `SecureCookieYAML`, `SecureCookieMessagePack`) and are found by name through a
/// ``SerializationRegistry``. A codec is only ever asked to `loads` bytes whose MAC verified.
///
/// Every codec enforces the ``SecureCookieLimits`` it is given and throws
/// ``SecureCookieError`` only: ``SecureCookieError/Kind/undecodable``,
/// ``SecureCookieError/Kind/refused``, ``SecureCookieError/Kind/limitExceeded`` when reading
/// and ``SecureCookieError/Kind/unrepresentable`` when writing.
public protocol SerializationMethod: Sendable {
    /// The name it is registered under (`json`, `pickle`, `yaml`, `msgpack`).
    var name: String { get }

    /// Writes a value as the Python reference implementation would.
    ///
    /// - Parameter value: The value.
    /// - Returns: The serialized bytes.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unrepresentable``.
    func dumps(_ value: PythonValue) throws -> [UInt8]

    /// Reads a value.
    ///
    /// - Parameters:
    ///   - bytes: The serialized bytes.
    ///   - limits: The bounds to enforce while reading.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: undecodable, refused or limit exceeded.
    func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue
}

extension SerializationMethod {
    /// Reads a value with the default limits.
    ///
    /// - Parameter bytes: The serialized bytes.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``.
    public func loads(_ bytes: [UInt8]) throws -> PythonValue {
        try loads(bytes[...], limits: .default)
    }
}
