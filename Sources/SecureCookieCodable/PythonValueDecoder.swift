import SecureCookie

/// Decodes a `Decodable` value from a ``PythonValue``, so an app can read its own session type from a cookie.
///
/// It reads what ``PythonValueEncoder`` writes, and what a Python app writes, accepting the
/// conversions Python itself makes:
///
/// | Swift asks for | accepted Python values |
/// |---|---|
/// | a keyed container | a `dict`; keys are `str` (an `int` key matches an integer coding key, so `[Int: T]` reads `{1: ...}`) |
/// | an unkeyed container | a `list`, a `tuple`, a `set` or `frozenset` (in its stored order), `bytes` (each byte an `int`) |
/// | `Bool` | `bool` only (Python's `True` is an `int`, but an `Int` field never reads a `bool`) |
/// | an integer type (up to `Int128`/`UInt128`) | `int` that fits, or an integral `float` (`2.0`) |
/// | `Double`, `Float` | `float`, or an `int` (rounded as Python's `float(n)` rounds; too large is an error) |
/// | `String` | `str` |
/// | `nil` | `None` |
/// | `Date` | a `float` or `int` of Unix seconds, or a `datetime` (a naive one counted as UTC, as Werkzeug does) |
/// | `Data` | `bytes`, `bytearray`, a `list` of byte values, or with ``dataStrategy`` ``PythonValueEncoder/DataStrategy/base64`` a base64 `str` |
/// | `Decimal` (Foundation) | `decimal.Decimal` (finite or NaN), `int`, `float` |
/// | `URL` | `str` |
///
/// ```swift
/// let session = try PythonValueDecoder().decode(Session.self, from: cookieValue)
/// ```
public struct PythonValueDecoder: Sendable {
    /// Whether `Data` may also be read from a base64 `str`.
    public var dataStrategy: PythonValueEncoder.DataStrategy
    /// Context handed to `init(from:)` implementations through `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - dataStrategy: With ``PythonValueEncoder/DataStrategy/base64``, `Data` is also read from a
    ///     base64 `str`; `bytes` are read either way.
    ///   - userInfo: Context for `init(from:)` implementations.
    public init(dataStrategy: PythonValueEncoder.DataStrategy = .bytes, userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.dataStrategy = dataStrategy
        self.userInfo = userInfo
    }

    /// Decodes a value.
    ///
    /// - Parameters:
    ///   - type: The type to decode, such as an app's session struct.
    ///   - value: The Python value, such as a cookie's decoded data.
    /// - Returns: The decoded value.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/undecodable`` when the value
    ///   does not have the type's shape; the reason names where and why
    ///   (`at roles[1]: expected str, found int`). The `DecodingError` Swift's own conformances throw
    ///   (an unknown enum raw value, say) is converted the same way. Any other error that the type's
    ///   `init(from:)` throws is rethrown unchanged.
    public func decode<T: Decodable>(_ type: T.Type, from value: PythonValue) throws -> T {
        let decoder = ValueDecoder(value: value, codingPath: [], options: options)
        do {
            return try decoder.decode(T.self)
        } catch let error as DecodingError {
            throw SecureCookieError(decodingError: error)
        }
    }

    internal var options: ValueDecoder.Options {
        ValueDecoder.Options(dataStrategy: dataStrategy, userInfo: userInfo)
    }
}

extension SecureCookieError {
    /// A `DecodingError`, as an undecodable-value error whose reason names the coding path.
    ///
    /// The message is shown only when this package's decoder wrote it (``DecoderMessage``); another
    /// `Decodable`'s message may repeat the value, so only the kind of failure is given then.
    internal init(decodingError: DecodingError) {
        func message(_ context: DecodingError.Context, _ otherwise: String) -> String {
            context.underlyingError is DecoderMessage ? context.debugDescription : otherwise
        }
        switch decodingError {
        case .typeMismatch(let type, let context):
            self = .undecodable(CodingPathText.prefix(context.codingPath) + message(context, "type mismatch, expected \(type)"))
        case .valueNotFound(let type, let context):
            self = .undecodable(CodingPathText.prefix(context.codingPath) + message(context, "no value, expected \(type)"))
        case .dataCorrupted(let context):
            self = .undecodable(CodingPathText.prefix(context.codingPath) + message(context, "the value's Decodable refused it"))
        case .keyNotFound(let key, let context):
            self = .undecodable(CodingPathText.prefix(context.codingPath + [key]) + message(context, "no such key"))
        @unknown default:
            self = .undecodable("decoding failed")
        }
    }
}
