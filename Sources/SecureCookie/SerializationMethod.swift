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

    /// Reads a value and says how: whether a legacy form was read, so the cookie should be written
    /// again in the current one (``ReissueReasons/legacyCodec``).
    ///
    /// The default reads with ``loads(_:limits:)`` and reports the current form; a codec that reads
    /// more than one form (``MigratingSerializationMethod``) says which it used.
    ///
    /// - Parameters:
    ///   - bytes: The serialized bytes.
    ///   - limits: The bounds to enforce while reading.
    /// - Returns: The value, and whether a legacy form was read.
    /// - Throws: ``SecureCookieError``: undecodable, refused or limit exceeded.
    func loadsReportingForm(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> (value: PythonValue, isLegacy: Bool)
}

extension SerializationMethod {
    /// Reads with ``loads(_:limits:)``: the current form.
    ///
    /// - Parameters:
    ///   - bytes: The serialized bytes.
    ///   - limits: The bounds.
    /// - Returns: The value, and `false`.
    /// - Throws: What ``loads(_:limits:)`` throws.
    public func loadsReportingForm(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> (value: PythonValue, isLegacy: Bool) {
        (try loads(bytes, limits: limits), false)
    }
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
