import SecureCookie

/// Encodes an `Encodable` value as a ``PythonValue``, so an app can keep its own session type in a cookie.
///
/// The mapping is the one a Python reader of the cookie expects:
///
/// | Swift | Python |
/// |---|---|
/// | a keyed container (a struct, a class, `[String: T]`) | `dict` with `str` keys, in the order the keys were encoded |
/// | an unkeyed container (an array, a set) | `list` |
/// | `Bool` | `bool` |
/// | `Int`, `Int8`...`Int128`, `UInt`...`UInt128` | `int` (a ``PythonValue/bigInt(_:)`` outside `Int`'s range) |
/// | `Double`, `Float` | `float` (a `Float` as its shortest decimal text, so `Float(0.1)` is `0.1`) |
/// | `String` | `str` |
/// | `nil` | `None` |
/// | `Date` | ``DateStrategy`` — by default a `float` of Unix seconds |
/// | `Data` | ``DataStrategy`` — by default `bytes` |
/// | `Decimal` (Foundation) | `decimal.Decimal` |
/// | `URL` | `str`, the absolute URL |
///
/// Encoding the same key twice replaces the value in place, as assigning to a Python dict does.
/// Synthesized `Encodable` conformances skip `nil` optionals, so an absent field is an absent key.
///
/// ```swift
/// struct Session: Codable { var userID: Int; var roles: [String] }
/// let value = try PythonValueEncoder().encode(Session(userID: 42, roles: ["admin"]))
/// // {"userID": 42, "roles": ["admin"]}
/// ```
public struct PythonValueEncoder: Sendable {
    /// How `Date` values are written.
    public var dateStrategy: DateStrategy
    /// How `Data` values are written.
    public var dataStrategy: DataStrategy
    /// The deepest nesting written; deeper values (or a cycle of class references) are an error.
    ///
    /// The default is ``SecureCookieLimits/maximumDepth`` of ``SecureCookieLimits/default``, so
    /// that what is written can also be read back under the default limits.
    public var maximumDepth: Int
    /// Context handed to `encode(to:)` implementations through `Encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - dateStrategy: How `Date` values are written; Unix seconds as a `float` by default.
    ///   - dataStrategy: How `Data` values are written; `bytes` by default.
    ///   - maximumDepth: The deepest nesting written.
    ///   - userInfo: Context for `encode(to:)` implementations.
    public init(
        dateStrategy: DateStrategy = .unixSeconds,
        dataStrategy: DataStrategy = .bytes,
        maximumDepth: Int = SecureCookieLimits.default.maximumDepth,
        userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) {
        self.dateStrategy = dateStrategy
        self.dataStrategy = dataStrategy
        self.maximumDepth = maximumDepth
        self.userInfo = userInfo
    }

    /// Encodes a value.
    ///
    /// - Parameter value: The value, such as an app's session struct.
    /// - Returns: The Python value: a `dict` for a struct, a `list` for an array, a scalar for a scalar.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unrepresentable`` when the
    ///   value encodes nothing, nests deeper than ``maximumDepth``, uses a container inconsistently, or
    ///   holds a `Date` or `Decimal` Python cannot hold; the reason names the coding path
    ///   (`roles[2]`). An error that the value's own `encode(to:)` throws, other than `EncodingError`,
    ///   is rethrown unchanged.
    public func encode<T: Encodable>(_ value: T) throws -> PythonValue {
        let encoder = ValueEncoder(options: options, codingPath: [])
        do {
            guard let node = try encoder.encodeTopLevel(value) else {
                throw SecureCookieError.unrepresentable("top-level \(T.self) did not encode any values")
            }
            let result = node.finish()
            if let misuse = encoder.state.misuse { throw SecureCookieError.unrepresentable(misuse) }
            return result
        } catch let error as EncodingError {
            throw SecureCookieError(encodingError: error)
        }
    }

    internal var options: ValueEncoder.Options {
        ValueEncoder.Options(
            dateStrategy: dateStrategy, dataStrategy: dataStrategy, maximumDepth: maximumDepth, userInfo: userInfo
        )
    }
}

extension SecureCookieError {
    /// An `EncodingError`, as an unrepresentable-value error whose reason names the coding path.
    internal init(encodingError: EncodingError) {
        switch encodingError {
        case .invalidValue(_, let context):
            self = .unrepresentable(CodingPathText.prefix(context.codingPath) + context.debugDescription)
        @unknown default:
            self = .unrepresentable(String(describing: encodingError))
        }
    }
}
