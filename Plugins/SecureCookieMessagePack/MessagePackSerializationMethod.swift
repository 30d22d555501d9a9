import SecureCookie

/// MessagePack, as Python's `msgpack` writes and reads it for a Werkzeug cookie.
///
/// The Python reference is a `SecureCookie` subclass whose `serialization_method` is
///
/// ```python
/// class MessagePack:
///     @staticmethod
///     def dumps(value):
///         return msgpack.packb(value, use_bin_type=True, datetime=True)
///     @staticmethod
///     def loads(data):
///         return msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)
/// ```
///
/// ``dumps(_:)`` writes the same bytes as that `packb`, through msgpack-c: the smallest integer
/// form, float 64, `str` as str 8/16/32 and `bytes` or `bytearray` as bin, tuples as arrays, and
/// aware datetimes as timestamp extensions (type -1) in the smallest of the three sizes. Sets,
/// naive datetimes, `date`, `time`, `timedelta`, `Decimal` and `complex` are unrepresentable,
/// as `packb` refuses them too.
///
/// ``loads(_:limits:)`` reads what that `unpackb` reads, checking every length against the bytes
/// actually present before allocating, and enforcing the depth, node and size limits. A timestamp
/// becomes an aware UTC datetime with its nanoseconds truncated to microseconds; other extension
/// types, and array or map keys (which Python cannot hash), are refused.
///
/// ```swift
/// let codec: any SerializationMethod = .msgpack
/// let bytes = try codec.dumps(["user": "ada", "ids": [1, 2]])
/// let value = try codec.loads(bytes)
/// ```
public struct MessagePackSerializationMethod: SerializationMethod {
    /// `msgpack`.
    public let name = "msgpack"

    /// Creates the codec.
    public init() {}

    /// Writes a value as `msgpack.packb(value, use_bin_type=True, datetime=True)` does.
    ///
    /// - Parameter value: The value.
    /// - Returns: The MessagePack bytes.
    /// - Throws: ``SecureCookieError`` of kind `unrepresentable` for a value `packb` refuses: a set,
    ///   frozenset, naive datetime, date, time, timedelta, Decimal or complex, an integer outside
    ///   [-2**63, 2**64), or nesting past 1024 levels.
    public func dumps(_ value: PythonValue) throws -> [UInt8] {
        try MessagePackEncoder.encode(value)
    }

    /// Reads a value as `msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)` does.
    ///
    /// - Parameters:
    ///   - bytes: Exactly one MessagePack value.
    ///   - limits: The depth, node and size bounds to enforce.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: `undecodable` for truncated input, lengths past the end,
    ///   trailing bytes, the reserved byte `0xc1`, invalid UTF-8 or a bad timestamp; `refused` for an
    ///   extension type other than -1 or an array or map used as a map key; `limitExceeded` for depth,
    ///   nodes or input size.
    public func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        try MessagePackDecoder.decode(bytes, limits: limits)
    }
}
