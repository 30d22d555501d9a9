import SecureCookie
import SecureCookieJSON

/// Flask's session codec: `flask.json.tag.TaggedJSONSerializer`, as a Flask application writes it.
///
/// Values Python's JSON cannot hold are written as one-key objects whose key is a tag: ` t` (tuple),
/// ` b` (bytes, standard base64), ` m` (Markup), ` u` (UUID, 32 hex digits), ` d` (datetime, an HTTP
/// date in UTC, whole seconds) and ` di` (a dict whose only key is a tag name, the key suffixed
/// `__`). The JSON is what Flask's app JSON provider writes: compact separators, sorted keys, ASCII
/// only; as it does, a `date` is written as its HTTP date (a str) and a `Decimal` as its `str()`.
/// Sets, frozensets, bytearrays, `complex`, `time` and `timedelta` are unrepresentable (`TypeError`).
///
/// Reading reverses the tags bottom-up, as `json.loads(..., object_hook=untag)` does: the payload must
/// be UTF-8 JSON; a ` d` date loads as an aware datetime (UTC unless its text names another offset),
/// or `None` where Werkzeug's `parse_date` gives `None`. A tag whose content Flask fails on is
/// ``SecureCookieError/Kind/undecodable``.
///
/// ```swift
/// let codec = FlaskTaggedJSONSerializationMethod()
/// let json = try codec.dumps(["t": .tuple([1, 2])])   // {"t":{" t":[1,2]}}
/// ```
public struct FlaskTaggedJSONSerializationMethod: SerializationMethod {
    /// `flask`.
    public let name = "flask"

    /// Creates the codec.
    public init() {}

    /// Writes a value as Flask's `TaggedJSONSerializer().dumps(value)` does inside an app context.
    ///
    /// - Parameter value: The value.
    /// - Returns: The JSON bytes (ASCII).
    /// - Throws: ``SecureCookieError/Kind/unrepresentable`` for what Flask refuses.
    public func dumps(_ value: PythonValue) throws -> [UInt8] {
        let tagged = try FlaskTags.tagged(value)
        return try JSONText.write(tagged, options: .compactSorted)
    }

    /// Reads a value as `TaggedJSONSerializer().loads(text)` does.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 JSON.
    ///   - limits: The bounds to enforce.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: undecodable or limit exceeded.
    public func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        guard bytes.count <= limits.maximumValueBytes else {
            throw SecureCookieError.limitExceeded(
                .valueBytes, "JSON value of \(bytes.count) bytes (the limit is \(limits.maximumValueBytes))")
        }
        return try FlaskTags.untagged(JSONText.parse(bytes, limits: limits, options: .text))
    }
}

extension SerializationMethod where Self == FlaskTaggedJSONSerializationMethod {
    /// Flask's session codec, registered as `flask`: `SerializationRegistry([.flask])`.
    public static var flask: Self { FlaskTaggedJSONSerializationMethod() }
}
