import SecureCookie

/// Writes a ``PythonValue`` as `msgpack.packb(value, use_bin_type=True, datetime=True)` does.
///
/// Python's rules: `None`, `bool`, `int` in [-2**63, 2**64), `float` (always float 64), `str`,
/// `bytes` and `bytearray` (bin), `list` and `tuple` (array), `dict` (map, keys of any type, in
/// order) and aware `datetime` (timestamp extension, the instant in UTC). Everything else — sets,
/// naive datetimes, `date`, `time`, `timedelta`, `Decimal`, `complex` — is unrepresentable, and so
/// is nesting deeper than `packb`'s recursion limit.
internal struct MessagePackEncoder {
    /// The deepest level at which `msgpack.packb` (the C packer) still writes a value; the top is level 0.
    static let recursionLimit = 1024

    private let writer: MessagePackWriter

    /// Encodes one value.
    ///
    /// - Parameter value: The value.
    /// - Returns: The MessagePack bytes.
    /// - Throws: ``SecureCookieError`` of kind unrepresentable.
    static func encode(_ value: PythonValue) throws -> [UInt8] {
        try MessagePackWriter.withWriter { writer in
            try MessagePackEncoder(writer: writer).write(value, level: 0)
        }
    }

    private func write(_ value: PythonValue, level: Int) throws {
        guard level <= Self.recursionLimit else { throw MessagePackError.packDepth(Self.recursionLimit) }
        switch value {
        case .none:
            try writer.writeNil()
        case .bool(let flag):
            try writer.write(flag)
        case .int(let integer):
            try writer.write(Int64(integer))
        case .bigInt(let integer):
            if let small = integer.intValue {
                try writer.write(Int64(small))
            } else if let unsigned = integer.uint64Value {
                try writer.write(unsigned)
            } else {
                throw MessagePackError.integerRange(integer)
            }
        case .float(let double):
            try writer.write(double)
        case .str(var string), .markup(var string):
            // The UTF-8 in place (a native string's own storage): no copy per string.
            try string.withUTF8 { utf8 in
                try checkLength("str", utf8.count)
                try writer.writeString(UnsafeRawBufferPointer(utf8))
            }
        case .bytes(let bytes), .bytearray(let bytes):
            try checkLength("bytes", bytes.count)
            try writer.writeBinary(bytes)
        case .list(let items), .tuple(let items):
            try checkLength("list", items.count)
            try writer.writeArrayHeader(items.count)
            for item in items { try write(item, level: level + 1) }
        case .dict(let dict):
            try checkLength("dict", dict.count)
            try writer.writeMapHeader(dict.count)
            for (key, item) in dict {
                try write(key, level: level + 1)
                try write(item, level: level + 1)
            }
        case .datetime(let datetime):
            guard datetime.utcOffset != nil else {
                throw MessagePackError.cannotSerialize(value, "a naive datetime has no instant; give it a tzinfo")
            }
            try writer.writeTimestamp(MessagePackTimestamp(datetime))
        case .complex, .set, .frozenset, .date, .time, .timedelta, .decimal, .uuid:
            throw MessagePackError.cannotSerialize(value)
        }
    }

    private func checkLength(_ what: String, _ length: Int) throws {
        if UInt64(length) > UInt64(UInt32.max) { throw MessagePackError.packLength(what, length) }
    }
}
