import SecureCookie

/// Werkzeug's default `serialization_method`, Python's `pickle`, made safe: reads every pickle
/// protocol (0-5, from Python 2 and 3) and writes pickles byte-identical to CPython 3.11's.
///
/// Reading builds only the plain values Python writes for itself: `None`, bools, ints of any
/// size, floats, complex, `str`, `bytes`, `bytearray`, lists, tuples, dicts (and
/// `collections.OrderedDict`, read as a dict), sets, frozensets, `datetime` values (naive or
/// with a fixed-offset `datetime.timezone`) and `decimal.Decimal`. Every other global a pickle
/// names, such as `posix.system`, is refused with ``SecureCookieError/Kind/refused`` naming it;
/// nothing is ever imported or called. Applications add their own classes with
/// ``registering(_:_:)`` (the analog of overriding `find_class`).
///
/// ```swift
/// let codec: PickleSerializationMethod = .pickle(protocol: 2, python2Strings: .latin1)
/// let value = try codec.loads(bytes)
/// ```
public struct PickleSerializationMethod: InspectableSerializationMethod {
    /// `pickle`.
    public var name: String { "pickle" }

    /// The protocol ``dumps(_:)`` writes (0-5): 4 is what Python 3.8+ writes by default, 2 what Python 2 reads.
    public var protocolVersion: Int
    /// How Python 2 `str` values are read; ``PicklePython2Strings/ascii`` by default, as in Python 3.
    public var python2Strings: PicklePython2Strings
    /// The application's constructors, by `module.name` as pickles write it.
    public var constructors: [String: PickleConstructor]

    /// Creates the codec.
    ///
    /// - Parameters:
    ///   - protocolVersion: The protocol ``dumps(_:)`` writes, 0-5 (default 4).
    ///   - python2Strings: How Python 2 `str` values are read (default ASCII, an error for other bytes).
    ///   - constructors: Application constructors by `module.name`.
    public init(
        protocolVersion: Int = 4, python2Strings: PicklePython2Strings = .ascii,
        constructors: [String: PickleConstructor] = [:]
    ) {
        self.protocolVersion = protocolVersion
        self.python2Strings = python2Strings
        self.constructors = constructors
    }

    /// This codec with a constructor added to its allowlist.
    ///
    /// - Parameters:
    ///   - name: The global as pickles write it, `module.name` (`__main__.C`, `myapp.models.Cart`).
    ///   - build: Builds the value from what the pickle said about the object.
    /// - Returns: The new codec.
    public func registering(_ name: String, _ build: @escaping PickleConstructor.Build) -> Self {
        var copy = self
        copy.constructors[name] = PickleConstructor(build)
        return copy
    }

    /// Writes a value as CPython 3.11's `pickle.dumps(value, protocol=protocolVersion)` does.
    ///
    /// - Parameter value: The value.
    /// - Returns: The pickle.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unrepresentable``.
    public func dumps(_ value: PythonValue) throws -> [UInt8] {
        try Pickler(protocolVersion: protocolVersion).dump(value)
    }

    /// Reads a pickle, building only allowlisted and registered values.
    ///
    /// - Parameters:
    ///   - bytes: The pickle.
    ///   - limits: Depth, node, memo, stack and size bounds.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: ``SecureCookieError/Kind/undecodable`` for a malformed pickle (naming the
    ///   opcode and offset), ``SecureCookieError/Kind/refused`` for a global outside the allowlist, a persistent id,
    ///   an extension code, an out-of-band buffer or a value that contains itself, and
    ///   ``SecureCookieError/Kind/limitExceeded`` naming the limit.
    public func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        let python2Strings = self.python2Strings
        if let value = bytes.withUnsafeBufferPointer({
            PlainUnpickler.load($0, python2Strings: python2Strings, limits: limits)
        }) {
            return value
        }
        return try loadsInGeneral(bytes, limits: limits)
    }

    /// Reads any pickle through the item graph: globals, shared containers, objects, and every error.
    ///
    /// ``loads(_:limits:)`` tries the plain-data fast path first and comes here for everything else;
    /// tests and the fuzzer call this directly to compare the two.
    package func loadsInGeneral(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        var unpickler = Unpickler(
            options: .init(python2Strings: python2Strings, constructors: constructors), limits: limits)
        defer { unpickler.tearDown() }
        let item = try bytes.withUnsafeBufferPointer { try unpickler.load($0) }
        var resolver = PickleResolver(python2Strings: python2Strings, limits: limits, budget: unpickler.budget)
        return try resolver.value(item)
    }

    /// Shows what a pickle holds as one line of tagged JSON, without resolving or calling any global.
    ///
    /// Allowlisted values appear as values; anything else as inert `{"$object": ...}` and
    /// `{"$global": "mod.name"}` nodes, and recursion as `{"$cycle": k}`. Registered constructors
    /// are not called either. A Python 2 `str` that the ``python2Strings`` option cannot decode is
    /// shown as `{"$bytes": ...}` rather than failing the whole view.
    ///
    /// - Parameters:
    ///   - bytes: The pickle (not verified).
    ///   - limits: The bounds to enforce while reading.
    /// - Returns: One line of tagged JSON.
    /// - Throws: ``SecureCookieError`` when the pickle is malformed or goes past a limit.
    public func inspect(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> String {
        var unpickler = Unpickler(options: .init(python2Strings: python2Strings, inspect: true), limits: limits)
        defer { unpickler.tearDown() }
        let item = try bytes.withUnsafeBufferPointer { try unpickler.load($0) }
        var inspector = PickleInspector(python2Strings: python2Strings, limits: limits, budget: unpickler.budget)
        return try inspector.render(item).text
    }
}

extension SerializationMethod where Self == PickleSerializationMethod {
    /// The pickle codec with its defaults: writes protocol 4, reads Python 2 `str` as ASCII.
    public static var pickle: PickleSerializationMethod { PickleSerializationMethod() }

    /// The pickle codec with options.
    ///
    /// - Parameters:
    ///   - protocolVersion: The protocol ``PickleSerializationMethod/dumps(_:)`` writes, 0-5.
    ///   - python2Strings: How Python 2 `str` values are read.
    ///   - constructors: Application constructors by `module.name`.
    /// - Returns: The codec.
    public static func pickle(
        protocol protocolVersion: Int = 4, python2Strings: PicklePython2Strings = .ascii,
        constructors: [String: PickleConstructor] = [:]
    ) -> PickleSerializationMethod {
        PickleSerializationMethod(protocolVersion: protocolVersion, python2Strings: python2Strings, constructors: constructors)
    }
}
