import SecureCookie

/// A named constructor an application adds to the pickle codec's allowlist: the analog of
/// overriding `Unpickler.find_class` in Python.
///
/// The codec builds only the plain values Python writes for itself (sets, bytes, datetimes,
/// `Decimal`...) and refuses every other global. An application whose cookies hold instances of
/// its own classes registers a constructor under the class's `module.name`, exactly as the pickle
/// writes it (`__main__.C`, `myapp.models.Cart`). The codec never imports or calls anything:
/// when a pickle names a registered global, the codec collects what the pickle says about the
/// object (its arguments, its `BUILD` state, items appended to it) and, once the whole pickle has
/// been read, hands them to the closure, which returns the ``PythonValue`` to use.
///
/// ```swift
/// let codec = PickleSerializationMethod.pickle.registering("myapp.Point") { call in
///     guard case .dict(let fields)? = call.state else { throw SecureCookieError.undecodable("no state") }
///     return .dict(fields)
/// }
/// ```
public struct PickleConstructor: Sendable {
    /// The closure that builds the value.
    public typealias Build = @Sendable (Call) throws -> PythonValue

    /// What a pickle said about one object it builds from a registered global.
    public struct Call: Sendable {
        /// The global's name as the pickle writes it, `module.name`.
        public var name: String
        /// How the pickle built the object.
        public var how: How
        /// The positional arguments (for `copyreg._reconstructor`, none: the class and its `object` base are not repeated).
        public var arguments: [PythonValue]
        /// The keyword arguments (`NEWOBJ_EX` only).
        public var keywordArguments: PythonDict
        /// The argument of `BUILD` (usually the instance's `__dict__`), or `nil` when the pickle has none.
        public var state: PythonValue?
        /// Items the pickle appended to the object (`APPEND`/`APPENDS`).
        public var listItems: [PythonValue]
        /// Keys and values the pickle set on the object (`SETITEM`/`SETITEMS`).
        public var dictItems: [PythonValue]

        /// Creates a call (for tests of a constructor).
        ///
        /// - Parameters:
        ///   - name: The global's name.
        ///   - how: How the object is built.
        ///   - arguments: Positional arguments.
        ///   - keywordArguments: Keyword arguments.
        ///   - state: The `BUILD` state.
        ///   - listItems: Appended items.
        ///   - dictItems: Keys and values set, alternating.
        public init(
            name: String, how: How, arguments: [PythonValue] = [], keywordArguments: PythonDict = [:],
            state: PythonValue? = nil, listItems: [PythonValue] = [], dictItems: [PythonValue] = []
        ) {
            self.name = name
            self.how = how
            self.arguments = arguments
            self.keywordArguments = keywordArguments
            self.state = state
            self.listItems = listItems
            self.dictItems = dictItems
        }
    }

    /// How a pickle builds an object from a global.
    public struct How: Sendable, Hashable, CustomStringConvertible {
        /// The name used in inspect mode's `{"$object": {"how": ...}}` nodes.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The global itself is the value: it is never called (`GLOBAL` or `STACK_GLOBAL` alone).
        public static let reference = How("global")
        /// Called with arguments (`REDUCE`).
        public static let reduce = How("reduce")
        /// `cls.__new__(cls, *args)` (`NEWOBJ`).
        public static let newObject = How("newobj")
        /// `cls.__new__(cls, *args, **kwargs)` (`NEWOBJ_EX`).
        public static let newObjectWithKeywords = How("newobj_ex")
        /// `copyreg._reconstructor(cls, object, None)`, Python 2's and protocol 0-1's way for new-style classes.
        public static let reconstructor = How("copyreg._reconstructor")
        /// An old-style instance (`INST`/`OBJ`).
        public static let instance = How("inst")

        /// The name.
        public var description: String { rawValue }
    }

    internal let build: Build

    /// Creates a constructor.
    ///
    /// - Parameter build: Builds the value from what the pickle said; it may throw
    ///   ``SecureCookieError`` to refuse the object.
    public init(_ build: @escaping Build) {
        self.build = build
    }
}
