import SecureCookie

extension PythonValue {
    /// Creates the Python value an `Encodable` value encodes to, with ``PythonValueEncoder``'s defaults.
    ///
    /// ```swift
    /// let value = try PythonValue(encoding: Session(userID: 42, roles: ["admin"]))
    /// ```
    ///
    /// - Parameter value: The value, such as an app's session struct.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unrepresentable``, as
    ///   ``PythonValueEncoder/encode(_:)`` throws it.
    public init<T: Encodable>(encoding value: T) throws {
        self = try PythonValueEncoder().encode(value)
    }

    /// Decodes this value as a `Decodable` type, with ``PythonValueDecoder``'s defaults.
    ///
    /// ```swift
    /// let session = try cookieValue.decode(as: Session.self)
    /// ```
    ///
    /// - Parameter type: The type to decode.
    /// - Returns: The decoded value.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/undecodable``, as
    ///   ``PythonValueDecoder/decode(_:from:)`` throws it.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try PythonValueDecoder().decode(type, from: self)
    }
}
