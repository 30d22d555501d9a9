import SecureCookie

/// Tagged JSON: every ``PythonValue`` as one line of JSON, and back, with nothing lost.
///
/// Plain JSON cannot tell a tuple from a list or hold bytes, sets, datetimes or big integers, so
/// those are written as one-key objects whose key is a tag beginning with `$`:
///
/// | value | tagged JSON |
/// |---|---|
/// | `None`, bool, str, list | `null`, `true`/`false`, a string, an array |
/// | int in the signed 64-bit range | a JSON integer: `42` |
/// | any other int | `{"$int": "123456789012345678901234567890"}` |
/// | finite float | a number that always has `.` or an exponent: `1.0`, `1e+16`, `-0.0` |
/// | NaN, ±infinity | `{"$float": "nan"}`, `{"$float": "inf"}`, `{"$float": "-inf"}` |
/// | bytes, bytearray | `{"$bytes": "<base64>"}`, `{"$bytearray": "<base64>"}` |
/// | tuple, set, frozenset | `{"$tuple": [...]}`, `{"$set": [...]}`, `{"$frozenset": [...]}` |
/// | dict with only str keys, none starting with `$` | an object, in the dict's order |
/// | any other dict | `{"$dict": [[key, value], ...]}` |
/// | datetime, date, time | `{"$datetime": "2024-01-02T03:04:05.123456+00:00"}`, `{"$date": ...}`, `{"$time": ...}` (`isoformat()`) |
/// | timedelta | `{"$timedelta": [days, seconds, microseconds]}` |
/// | Decimal | `{"$decimal": "1.10"}` (`str()`) |
/// | uuid.UUID | `{"$uuid": "00000000-0000-0000-0000-000000000001"}` (`str()`: lowercase, dashed) |
/// | markupsafe.Markup | `{"$markup": "<b>x</b>"}` |
/// | complex | `{"$complex": [re, im]}` |
///
/// ``encode(_:)`` writes one line, laid out as Python's
/// `json.dumps(tagged, ensure_ascii=False)`: separators `", "` and `": "`, non-ASCII characters as
/// UTF-8, control characters escaped, and also U+0085, U+2028 and U+2029 escaped (`\u0085`...), so
/// that `str.splitlines()` in a Python reader sees one line per document (`json.loads` reads it back
/// unchanged). An int of more than 4300 digits is refused as Python's `str(int)` refuses it.
/// ``decode(_:limits:)`` reads any JSON layout.
///
/// The inspect-only forms `$object`, `$global` and `$cycle` (what a pickle would build or call)
/// are not values: decoding refuses them.
public enum TaggedJSON {
    /// Writes a value as one line of tagged JSON.
    ///
    /// - Parameter value: The value.
    /// - Returns: One JSON document with no line break of any kind, as Python's
    ///   `json.dumps(to_tagged(value), ensure_ascii=False)` writes it (line separators escaped).
    /// - Throws: ``SecureCookieError/Kind/limitExceeded`` (``SecureCookieError/Limit/integerDigits``) for an
    ///   int of more than 4300 decimal digits, checked from its bit length before any conversion.
    public static func encode(_ value: PythonValue) throws -> String {
        var output = JSONOutput(options: JSONText.WriteOptions(asciiOnly: false))
        try output.writeTagged(value)
        return output.finish().withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends a value's tagged JSON line (without a newline) to a byte buffer: ``encode(_:)`` without the `String`.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - buffer: Where the UTF-8 bytes go; on a throw it is left as it was.
    /// - Throws: As ``encode(_:)``.
    package static func encode(_ value: PythonValue, appendingTo buffer: inout OutputBuffer) throws {
        let start = buffer.count
        var output = JSONOutput(options: JSONText.WriteOptions(asciiOnly: false), appendingTo: buffer)
        do {
            try output.writeTagged(value)
        } catch {
            buffer = output.finish()
            buffer.truncate(to: start)
            throw error
        }
        buffer = output.finish()
    }

    /// The JSON string literal of a text, quotes included, as ``encode(_:)`` writes a `str`
    /// (`ensure_ascii=False`, every line break Python's `str.splitlines()` knows escaped): for lines
    /// that hold text beside tagged values, such as the tool's error lines.
    ///
    /// - Parameter text: The text.
    /// - Returns: The literal.
    package static func quoted(_ text: String) -> String {
        var output = JSONOutput(options: JSONText.WriteOptions(asciiOnly: false))
        output.string(text)
        return output.finish().withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads tagged JSON.
    ///
    /// Plain JSON reads as it would in Python (`NaN`, `Infinity` and integers of any size included);
    /// an object with a key beginning with `$` must be exactly one known tag.
    ///
    /// - Parameters:
    ///   - text: One JSON document.
    ///   - limits: Depth and node limits, counted on the Python value (a tag's wrapper object does not count).
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: ``SecureCookieError/Kind/undecodable`` for bad JSON (with its byte offset)
    ///   or a bad tag (with its path, such as `$[2]["a"]`); ``SecureCookieError/Kind/refused`` for `$object`,
    ///   `$global`, `$cycle` and a datetime's `tzinfo` object; ``SecureCookieError/Kind/limitExceeded`` for depth,
    ///   nodes and integers of more than 4300 digits.
    public static func decode(_ text: some StringProtocol, limits: SecureCookieLimits = .default) throws -> PythonValue {
        // The JSON is deeper and larger than the value it spells (`{"$dict": [[k, v]]}` is three levels
        // for one, `{"$timedelta": [d, s, us]}` six nodes for one), so the raw bounds are widened here
        // and the value's own are checked while converting.
        var rawLimits = limits
        rawLimits.maximumDepth = widened(limits.maximumDepth, by: 3)
        rawLimits.maximumNodes = widened(limits.maximumNodes, by: 6)
        let json = try JSONText.parse(text: text, limits: rawLimits)
        var decoder = TaggedJSONDecoder(limits: limits)
        return try decoder.value(from: json, depth: 0)
    }

    private static func widened(_ bound: Int, by factor: Int) -> Int {
        let (product, overflow) = bound.multipliedReportingOverflow(by: factor)
        return overflow || product > Int.max - factor ? Int.max : product + factor
    }
}
