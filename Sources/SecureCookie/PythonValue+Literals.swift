extension PythonValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `nil` is `None`.
    public init(nilLiteral: ()) { self = .none }
    /// A boolean literal is a `bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal is an `int`.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A float literal is a `float`.
    public init(floatLiteral value: Double) { self = .float(value) }
    /// A string literal is a `str`.
    public init(stringLiteral value: String) { self = .str(value) }
    /// An array literal is a `list`.
    public init(arrayLiteral elements: PythonValue...) { self = .list(elements) }
    /// A dictionary literal is a `dict`, in the literal's order.
    public init(dictionaryLiteral elements: (PythonValue, PythonValue)...) { self = .dict(PythonDict(elements)) }
}

extension PythonValue {
    /// The string, when this is a `str`.
    public var stringValue: String? {
        if case .str(let value) = self { return value }
        return nil
    }

    /// The integer, when this is an `int` that fits in `Int` (not a `bool`).
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The double, when this is a `float`.
    public var doubleValue: Double? {
        if case .float(let value) = self { return value }
        return nil
    }

    /// The boolean, when this is a `bool`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The dict, when this is a `dict`.
    public var dictValue: PythonDict? {
        if case .dict(let value) = self { return value }
        return nil
    }

    /// The elements, when this is a `list` or a `tuple`.
    public var arrayValue: [PythonValue]? {
        switch self {
        case .list(let items), .tuple(let items): return items
        default: return nil
        }
    }

    /// The bytes, when this is `bytes` or a `bytearray`.
    public var bytesValue: [UInt8]? {
        switch self {
        case .bytes(let bytes), .bytearray(let bytes): return bytes
        default: return nil
        }
    }

    /// Looks up a `str` key, when this is a `dict`.
    public subscript(key: String) -> PythonValue? { dictValue?[key] }
}
