import SecureCookie

/// Writing tagged JSON: plain JSON where it is exact, a `$` tag everywhere else.
extension JSONOutput {
    /// Writes a value as tagged JSON (see ``TaggedJSON``).
    ///
    /// - Parameter value: The value.
    /// - Throws: ``SecureCookieError/Limit/integerDigits`` for an int of more than 4300 digits.
    internal mutating func writeTagged(_ value: PythonValue) throws {
        try withUnsafePointer(to: value) { try writeTagged(at: $0) }
    }

    /// Writes the value at `pointer`; lists and dicts hand their items over in place, uncopied.
    private mutating func writeTagged(at pointer: UnsafePointer<PythonValue>) throws {
        switch pointer.pointee {
        case .none: raw("null")
        case .bool(let flag): raw(flag ? "true" : "false")
        case .int(let integer): self.integer(integer)
        case .bigInt(let integer):
            if let small = integer.intValue {
                self.integer(small)
            } else {
                try tagged("$int") { $0.string(try integer.decimalText()) }
            }
        case .float(let double): taggedFloat(double)
        case .complex(let real, let imaginary):
            try tagged("$complex") {
                $0.byte(UInt8(ascii: "["))
                $0.taggedFloat(real)
                $0.itemSeparatorText()
                $0.taggedFloat(imaginary)
                $0.byte(UInt8(ascii: "]"))
            }
        case .str(let text): string(text)
        case .bytes(let bytes): try tagged("$bytes") { $0.string(Base64.encode(bytes)) }
        case .bytearray(let bytes): try tagged("$bytearray") { $0.string(Base64.encode(bytes)) }
        case .list(let items): try taggedArray(items)
        case .tuple(let items): try tagged("$tuple") { try $0.taggedArray(items) }
        case .set(let set): try tagged("$set") { try $0.taggedArray(Array(set)) }
        case .frozenset(let set): try tagged("$frozenset") { try $0.taggedArray(Array(set)) }
        case .dict(let dict):
            var plainKeys = true
            dict.forEachInPlace { key, _ in plainKeys = plainKeys && Self.isPlainObjectKey(key) }
            if plainKeys {
                byte(UInt8(ascii: "{"))
                var isFirst = true
                try dict.forEachInPlace { key, item in
                    if !isFirst { itemSeparatorText() }
                    isFirst = false
                    try writeTagged(at: key)
                    keySeparatorText()
                    try writeTagged(at: item)
                }
                byte(UInt8(ascii: "}"))
            } else {
                try tagged("$dict") {
                    $0.byte(UInt8(ascii: "["))
                    for (index, pair) in dict.enumerated() {
                        if index > 0 { $0.itemSeparatorText() }
                        try $0.taggedArray([pair.key, pair.value])
                    }
                    $0.byte(UInt8(ascii: "]"))
                }
            }
        case .datetime(let datetime): try tagged("$datetime") { $0.string(datetime.isoFormat) }
        case .date(let date): try tagged("$date") { $0.string(date.isoFormat) }
        case .time(let time): try tagged("$time") { $0.string(time.isoFormat) }
        case .timedelta(let delta):
            try tagged("$timedelta") { try $0.taggedArray([.int(delta.days), .int(delta.seconds), .int(delta.microseconds)]) }
        case .decimal(let decimal): try tagged("$decimal") { $0.string(decimal.description) }
        case .uuid(let uuid): tagged("$uuid") { $0.string(uuid.description) }
        case .markup(let text): tagged("$markup") { $0.string(text) }
        }
    }

    /// Whether a dict key can be a JSON object key as it is: a `str` not beginning with `$`.
    private static func isPlainObjectKey(_ key: UnsafePointer<PythonValue>) -> Bool {
        guard case .str(let text) = key.pointee else { return false }
        return text.utf8.first != UInt8(ascii: "$")
    }

    private mutating func taggedFloat(_ double: Double) {
        if double.isFinite {
            float(double)
        } else {
            tagged("$float") { $0.string(double.isNaN ? "nan" : double < 0 ? "-inf" : "inf") }
        }
    }

    private mutating func taggedArray(_ items: [PythonValue]) throws {
        byte(UInt8(ascii: "["))
        try items.withUnsafeBufferPointer { items in
            guard let first = items.baseAddress else { return }
            for index in items.indices {
                if index > 0 { itemSeparatorText() }
                try writeTagged(at: first + index)
            }
        }
        byte(UInt8(ascii: "]"))
    }

    private mutating func tagged(_ tag: StaticString, _ body: (inout JSONOutput) throws -> Void) rethrows {
        byte(UInt8(ascii: "{"))
        byte(UInt8(ascii: "\""))
        raw(tag)
        byte(UInt8(ascii: "\""))
        keySeparatorText()
        try body(&self)
        byte(UInt8(ascii: "}"))
    }
}
