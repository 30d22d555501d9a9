import SecureCookie

/// `json.dumps(value)`: plain JSON, with the conversions Python makes and the refusals it makes.
extension JSONOutput {
    /// Writes a value as `json.dumps` does.
    ///
    /// Tuples become arrays; dict keys that are int, float, bool or `None` become the strings
    /// `json.dumps` makes of them (two keys that convert to the same text are both written, as
    /// Python writes them). Bytes, bytearray, sets, the datetime family, Decimal, complex and dict
    /// keys of other types are unrepresentable, as they are `TypeError`s in Python.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - depth: The nesting depth of `value`'s container (0 at the top).
    /// - Throws: ``SecureCookieError/Kind/unrepresentable``.
    internal mutating func writePlain(_ value: PythonValue, depth: Int) throws {
        try withUnsafePointer(to: value) { try writePlain(at: $0, depth: depth) }
    }

    /// Writes the value at `pointer`; containers hand their items over in place, uncopied.
    private mutating func writePlain(at pointer: UnsafePointer<PythonValue>, depth: Int) throws {
        switch pointer.pointee {
        case .none: raw("null")
        case .bool(let flag): raw(flag ? "true" : "false")
        case .int(let integer): self.integer(integer)
        case .bigInt(let integer): raw(try Self.decimalText(integer))
        case .float(let double): float(double)
        case .str(let text), .markup(let text): string(text)
        case .list(let items), .tuple(let items):
            try check(depth: depth + 1)
            byte(UInt8(ascii: "["))
            try items.withUnsafeBufferPointer { items in
                guard let first = items.baseAddress else { return }
                for index in items.indices {
                    if index > 0 { itemSeparatorText() }
                    try writePlain(at: first + index, depth: depth + 1)
                }
            }
            byte(UInt8(ascii: "]"))
        case .dict(let dict):
            try check(depth: depth + 1)
            byte(UInt8(ascii: "{"))
            if options.sortsKeys && dict.count > 1 {
                let items = try PythonKeyOrder.sorted(dict)
                for (index, item) in items.enumerated() {
                    if index > 0 { itemSeparatorText() }
                    try writeMember(key: item.key, value: item.value, depth: depth)
                }
            } else {
                var isFirst = true
                try dict.forEachInPlace { key, value in
                    if !isFirst { itemSeparatorText() }
                    isFirst = false
                    try writeMember(key: key.pointee, value: value.pointee, depth: depth)
                }
            }
            byte(UInt8(ascii: "}"))
        case .bytes, .bytearray, .complex, .set, .frozenset, .datetime, .date, .time, .timedelta, .decimal, .uuid:
            throw SecureCookieError.unrepresentable("Object of type \(pointer.pointee.typeName) is not JSON serializable")
        }
    }

    private mutating func writeMember(key: PythonValue, value: PythonValue, depth: Int) throws {
        switch key {
        case .str(let text), .markup(let text): string(text)
        default: string(try Self.keyText(key))
        }
        keySeparatorText()
        try writePlain(value, depth: depth + 1)
    }

    /// The string `json.dumps` makes of a dict key.
    private static func keyText(_ key: PythonValue) throws -> String {
        switch key {
        case .str(let text), .markup(let text): return text
        case .float(let double): return floatText(double)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return "null"
        case .int(let integer): return String(integer)
        case .bigInt(let integer): return try decimalText(integer)
        default:
            throw SecureCookieError.unrepresentable("JSON keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    /// `int.__repr__`, which Python refuses beyond 4300 digits (a `ValueError`: a limit error here).
    private static func decimalText(_ integer: PythonBigInt) throws -> String {
        try integer.decimalText()
    }
}
