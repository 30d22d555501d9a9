import SecureCookie

/// The YAML codec: reads as PyYAML's `yaml.safe_load` reads, writes as `yaml.safe_dump` writes.
///
/// Text is parsed and emitted by the system libyaml; this type does the typing, following
/// PyYAML's YAML 1.1 resolver and `SafeConstructor`: `yes`/`on` are booleans, `0o17` is a string,
/// `1.0e+3` is a float and `1e3` a string, timestamps become datetimes, `!!binary` bytes and
/// `!!set` sets. Any tag `SafeLoader` does not know (`!!python/object/apply:os.system`, local
/// tags) is refused, naming the tag.
///
/// Reading is bounded for hostile input: aliases are counted against
/// ``SecureCookieLimits/maximumNodes`` as if expanded (a billion-laughs document fails at once),
/// recursive aliases and multi-document streams are refused, and nesting and scalar length are
/// limited.
///
/// ```swift
/// let registry = SerializationRegistry([.yaml])
/// let bytes = try YAMLSerializationMethod().dumps(["a": 1])   // "a: 1\n"
/// ```
public struct YAMLSerializationMethod: SerializationMethod {
    /// Creates the codec.
    public init() {}

    /// `yaml`.
    public var name: String { "yaml" }

    /// Writes a value as `yaml.safe_dump(value)` does: block style, dict keys sorted, strings
    /// quoted where they would otherwise read back as another type.
    ///
    /// - Parameter value: The value. Tuples are written as sequences, sets as `!!set`, bytes as `!!binary`.
    /// - Returns: UTF-8 YAML text.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unrepresentable`` for a
    ///   frozenset, time, timedelta, Decimal, complex or bytearray anywhere in the value.
    public func dumps(_ value: PythonValue) throws -> [UInt8] {
        let emitter = try LibYAMLEmitter(trailingCapacity: 4)
        try emitter.streamStart()
        try emitter.documentStart()
        try YAMLRepresenter(emitter: emitter).represent(value)
        try emitter.documentEnd()
        try emitter.streamEnd()
        var output = emitter.output
        // PyYAML's emitter ends a document whose root is a plain scalar with `...`; libyaml does not.
        if Self.isScalar(value), let first = output.first, !"'\"!|>".utf8.contains(first) {
            output.append(contentsOf: "...\n".utf8)
        }
        return output
    }

    /// Reads a value as `yaml.safe_load(bytes)` does.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 (or BOM-marked UTF-16) YAML text holding at most one document; an empty
    ///     stream reads as `None`.
    ///   - limits: The bounds to enforce: input and scalar size (``SecureCookieLimits/maximumValueBytes``),
    ///     nesting (``SecureCookieLimits/maximumDepth``), nodes after alias expansion
    ///     (``SecureCookieLimits/maximumNodes``).
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: undecodable (libyaml's error with line and column, or a value
    ///   Python would not accept), refused (a tag outside the safe set, a recursive alias, a second
    ///   document), or limit exceeded.
    public func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        try Self.checkSize(bytes, limits)
        return try bytes.withUnsafeBufferPointer { input in
            // One pass straight to values for the usual document; the composer and constructor
            // for anything else, errors included (see ``YAMLFastLoader``).
            if let value = YAMLFastLoader.load(try LibYAMLParser(borrowing: input), limits: limits) { return value }
            return try Self.compose(input, limits: limits)
        }
    }

    /// The one-pass loader alone: the value, or `nil` where ``loads(_:limits:)`` goes on to the
    /// composer and constructor (tests and the fuzzer compare the two paths with this).
    package func loadsInOnePass(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) -> PythonValue? {
        guard (try? Self.checkSize(bytes, limits)) != nil else { return nil }
        return bytes.withUnsafeBufferPointer { input in
            guard let parser = try? LibYAMLParser(borrowing: input) else { return nil }
            return YAMLFastLoader.load(parser, limits: limits)
        }
    }

    /// The composer and constructor alone, what ``loads(_:limits:)`` runs where the one-pass loader
    /// gives up (tests and the fuzzer compare the two paths with this).
    package func loadsInGeneral(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        try Self.checkSize(bytes, limits)
        return try bytes.withUnsafeBufferPointer { try Self.compose($0, limits: limits) }
    }

    /// The input size limit (``SecureCookieLimits/maximumValueBytes``), checked before libyaml sees a byte.
    private static func checkSize(_ bytes: ArraySlice<UInt8>, _ limits: SecureCookieLimits) throws {
        if bytes.count > limits.maximumValueBytes {
            throw SecureCookieError.limitExceeded(
                .valueBytes, "\(bytes.count) bytes of YAML, more than \(limits.maximumValueBytes)")
        }
    }

    private static func compose(_ input: UnsafeBufferPointer<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        let parser = try LibYAMLParser(borrowing: input)
        var composer = YAMLComposer(parser: parser, limits: limits)
        guard let root = try composer.composeSingleDocument() else { return .none }
        return try YAMLConstructor().constructDocument(root)
    }

    private static func isScalar(_ value: PythonValue) -> Bool {
        switch value {
        case .list, .tuple, .dict, .set, .frozenset: return false
        default: return true
        }
    }
}

extension SerializationMethod where Self == YAMLSerializationMethod {
    /// The YAML codec (`yaml.safe_dump` / `yaml.safe_load`), registered as `yaml`.
    public static var yaml: Self { YAMLSerializationMethod() }
}
