import SecureCookie

/// Plain JSON text, read and written the way Python's `json` module reads and writes it.
///
/// One implementation serves the JSON codec (`json.loads` / `json.dumps` byte for byte), tagged
/// JSON (``TaggedJSON``) and tests that compare JSON documents structurally.
///
/// Reading maps JSON onto ``PythonValue`` as `json.loads` does: `null`/`true`/`false` → `None`/`bool`,
/// integers of any size → ``PythonValue/int(_:)`` or ``PythonValue/bigInt(_:)``, numbers with a fraction
/// or an exponent → ``PythonValue/float(_:)``, `NaN`/`Infinity`/`-Infinity` → non-finite floats, strings →
/// ``PythonValue/str(_:)``, arrays → ``PythonValue/list(_:)`` and objects → ``PythonValue/dict(_:)`` in
/// document order (a repeated key keeps its first position and its last value, as `dict()` does).
package enum JSONText {
    /// How bytes handed to ``parse(_:limits:options:)`` are decoded to text.
    package struct ReadOptions: Sendable, Hashable {
        /// Detect UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32 as `json.loads(bytes)`
        /// does (`json.detect_encoding`). When `false` the input must be UTF-8 without a byte-order mark,
        /// as `json.loads(str)` requires of its text.
        package var detectsEncoding: Bool

        /// Creates options.
        ///
        /// - Parameter detectsEncoding: Whether to detect the encoding as `json.loads(bytes)` does.
        package init(detectsEncoding: Bool = true) {
            self.detectsEncoding = detectsEncoding
        }

        /// `json.loads(bytes)`: encoding detected.
        package static let bytes = ReadOptions(detectsEncoding: true)
        /// `json.loads(str)`: UTF-8 text, a byte-order mark is an error.
        package static let text = ReadOptions(detectsEncoding: false)
    }

    /// How ``write(_:options:)`` lays text out.
    package struct WriteOptions: Sendable, Hashable {
        /// Escape every character outside printable ASCII as `\uXXXX` (`ensure_ascii=True`).
        package var asciiOnly: Bool
        /// Written between items of arrays and objects.
        package var itemSeparator: String
        /// Written between a key and its value.
        package var keySeparator: String
        /// The deepest nesting written; deeper values are unrepresentable (`nil`: no bound).
        package var maximumDepth: Int?
        /// Write each dict's items in the order of their keys (`sort_keys=True`), as Python sorts them: str by
        /// code point, numbers by value; keys Python cannot order against each other are unrepresentable.
        package var sortsKeys: Bool

        /// Creates options.
        ///
        /// - Parameters:
        ///   - asciiOnly: Escape everything outside printable ASCII.
        ///   - itemSeparator: Between items.
        ///   - keySeparator: Between a key and its value.
        ///   - maximumDepth: The deepest nesting written, or `nil` for no bound.
        ///   - sortsKeys: Whether dict items are written in key order.
        package init(
            asciiOnly: Bool, itemSeparator: String = ", ", keySeparator: String = ": ", maximumDepth: Int? = nil,
            sortsKeys: Bool = false
        ) {
            self.asciiOnly = asciiOnly
            self.itemSeparator = itemSeparator
            self.keySeparator = keySeparator
            self.maximumDepth = maximumDepth
            self.sortsKeys = sortsKeys
        }

        /// Python's `json.dumps(value)` defaults: `ensure_ascii=True`, separators `", "` and `": "`, and
        /// at most ``pythonMaximumDepth`` levels.
        package static let python = WriteOptions(asciiOnly: true, maximumDepth: pythonMaximumDepth)

        /// `json.dumps(value, separators=(",", ":"), sort_keys=True)`: compact, sorted, ASCII, as
        /// secure-cookie 0.2's JSON and Flask's session serializer write.
        package static let compactSorted = WriteOptions(
            asciiOnly: true, itemSeparator: ",", keySeparator: ":", maximumDepth: pythonMaximumDepth, sortsKeys: true)
    }

    /// The deepest nesting the JSON writer emits with ``WriteOptions/python``.
    ///
    /// CPython's `json` recurses once per level and hits its default recursion limit (1000) at about
    /// 995 levels, both in `dumps` and `loads`; 900 leaves room for the caller's own frames, so what is
    /// written can be read back by Python.
    package static let pythonMaximumDepth = 900

    /// Parses one JSON document as `json.loads` does.
    ///
    /// - Parameters:
    ///   - bytes: The document.
    ///   - limits: Depth and node limits (``SecureCookieLimits/maximumDepth``, ``SecureCookieLimits/maximumNodes``).
    ///   - options: How the bytes are decoded to text.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: ``SecureCookieError/Kind/undecodable`` for bad text, naming what was
    ///   wrong and the byte offset; ``SecureCookieError/Kind/limitExceeded`` for depth, nodes or an integer of
    ///   more than 4300 digits.
    package static func parse<C: Collection>(
        _ bytes: C, limits: SecureCookieLimits = .default, options: ReadOptions = .bytes
    ) throws -> PythonValue where C.Element == UInt8 {
        if let value = try bytes.withContiguousStorageIfAvailable({ buffer in
            try parseContiguous(buffer, limits: limits, options: options)
        }) {
            return value
        }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { try parseContiguous($0, limits: limits, options: options) }
    }

    /// Parses one JSON document held in a string, as `json.loads(str)` does.
    ///
    /// - Parameters:
    ///   - text: The document.
    ///   - limits: Depth and node limits.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError`` as ``parse(_:limits:options:)``.
    package static func parse(text: some StringProtocol, limits: SecureCookieLimits = .default) throws -> PythonValue {
        try parse(Array(text.utf8), limits: limits, options: .text)
    }

    private static func parseContiguous(
        _ buffer: UnsafeBufferPointer<UInt8>, limits: SecureCookieLimits, options: ReadOptions
    ) throws -> PythonValue {
        guard options.detectsEncoding else {
            var reader = JSONReader(buffer, limits: limits)
            return try reader.readDocument()
        }
        switch try JSONEncodingDetection.decode(buffer) {
        case .utf8(let skip):
            var reader = JSONReader(UnsafeBufferPointer(rebasing: buffer[skip...]), limits: limits)
            return try reader.readDocument()
        case .transcoded(let utf8):
            return try utf8.withUnsafeBufferPointer { transcoded in
                var reader = JSONReader(transcoded, limits: limits)
                return try reader.readDocument()
            }
        }
    }

    /// Writes a value as `json.dumps` does with the given options.
    ///
    /// - Parameters:
    ///   - value: The value: `None`, bool, int, float, str, list, tuple and dicts of those. Dict keys may be
    ///     str, int, float, bool or `None`; the others are written as `json.dumps` converts them.
    ///   - options: Layout; ``WriteOptions/python`` gives `json.dumps(value)` byte for byte.
    /// - Returns: The UTF-8 text.
    /// - Throws: ``SecureCookieError/Kind/unrepresentable`` naming the Python type `json.dumps` refuses.
    package static func write(_ value: PythonValue, options: WriteOptions = .python) throws -> [UInt8] {
        var output = JSONOutput(options: options)
        try output.writePlain(value, depth: 0)
        return output.finish().finish()
    }

    /// Writes a value as `json.dumps` does, as a string.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - options: Layout.
    /// - Returns: The text.
    /// - Throws: ``SecureCookieError/Kind/unrepresentable``.
    package static func writeString(_ value: PythonValue, options: WriteOptions = .python) throws -> String {
        String(decoding: try write(value, options: options), as: UTF8.self)
    }
}
