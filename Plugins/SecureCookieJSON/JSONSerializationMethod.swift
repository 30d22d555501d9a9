import SecureCookie

/// JSON, as Python's `json` module writes and reads it for a Werkzeug cookie.
///
/// The Python reference is the `SecureCookie` subclass Werkzeug's documentation suggests:
///
/// ```python
/// class JSONSecureCookie(SecureCookie):
///     serialization_method = json
/// ```
///
/// ``dumps(_:)`` writes exactly the bytes of `json.dumps(value).encode("utf-8")`: separators `", "`
/// and `": "`, every character outside printable ASCII escaped as `\uXXXX` (`ensure_ascii=True`),
/// floats as `repr(float)` with `NaN`, `Infinity` and `-Infinity`, integers of any size in decimal.
/// As in Python, tuples become arrays and dict keys that are int, float, bool or `None` become
/// strings; bytes, bytearray, sets, the datetime family, `Decimal`, `complex` and other dict keys
/// are unrepresentable.
///
/// ``loads(_:limits:)`` reads what `json.loads(bytes)` reads: UTF-8 (with or without a byte-order
/// mark), UTF-16 or UTF-32; `NaN`, `Infinity`, `-Infinity`; integers of any size up to 4300 digits;
/// objects as dicts in document order, a repeated key keeping its last value. Where Python would
/// build a `str` holding a lone surrogate, which a Swift string cannot hold, the value is undecodable.
///
/// ```swift
/// let codec: any SerializationMethod = .json
/// let bytes = try codec.dumps(["user": "ada", "ids": [1, 2]])   // {"user": "ada", "ids": [1, 2]}
/// let value = try codec.loads(bytes)
/// ```
public struct JSONSerializationMethod: SerializationMethod {
    /// `json`.
    public let name = "json"

    /// Creates the codec.
    public init() {}

    /// Writes a value as `json.dumps(value)` does, UTF-8 encoded.
    ///
    /// - Parameter value: The value.
    /// - Returns: The JSON bytes (ASCII only).
    /// - Throws: ``SecureCookieError`` of kind `unrepresentable` for a value `json.dumps` refuses (bytes,
    ///   bytearray, set, frozenset, a datetime type, Decimal, complex, a dict key that is not str, int,
    ///   float, bool or `None`), an int of more than 4300 digits, or nesting deeper than 900 levels
    ///   (Python's own recursion limit stops near 995).
    public func dumps(_ value: PythonValue) throws -> [UInt8] {
        try JSONText.write(value, options: .python)
    }

    /// Reads a value as `json.loads(bytes)` does.
    ///
    /// - Parameters:
    ///   - bytes: One JSON document.
    ///   - limits: The depth, node and size bounds to enforce.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: `undecodable` for text Python refuses (the reason names what and
    ///   the byte offset) or a lone surrogate; `limitExceeded` for input longer than
    ///   ``SecureCookieLimits/maximumValueBytes``, nesting, node count, or an int of more than 4300 digits.
    public func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        guard bytes.count <= limits.maximumValueBytes else {
            throw SecureCookieError.limitExceeded(
                .valueBytes, "JSON value of \(bytes.count) bytes (the limit is \(limits.maximumValueBytes))")
        }
        return try JSONText.parse(bytes, limits: limits, options: .bytes)
    }
}
