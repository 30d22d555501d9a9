import SecureCookie

/// Writes a value as PyYAML's `SafeRepresenter` and `Serializer` would hand it to the emitter
/// (`yaml.safe_dump` defaults: block style, sorted keys, no anchors since values carry no identity).
internal struct YAMLRepresenter {
    let emitter: LibYAMLEmitter

    /// Emits one node for a value.
    ///
    /// - Throws: ``SecureCookieError`` (unrepresentable) for the types `safe_dump` refuses.
    func represent(_ value: PythonValue) throws {
        switch value {
        case .none:
            try scalar("null", YAMLTag.null, .null)
        case .bool(let flag):
            try scalar(flag ? "true" : "false", YAMLTag.bool, .bool)
        case .int(let integer):
            try scalar(String(integer), YAMLTag.int, .int)
        case .bigInt(let integer):
            try scalar(integer.description, YAMLTag.int, .int)
        case .float(let double):
            try scalar(Self.floatText(double), YAMLTag.float, .float)
        case .str(let text):
            try scalar(text, YAMLTag.str, .str)
        case .bytes(let bytes):
            try scalar(Self.encodeBytes(bytes), YAMLTag.binary, nil, literal: true)
        case .list(let items), .tuple(let items):
            try emitter.collectionStart(.sequence, tag: YAMLTag.seq, implicit: true)
            for item in items { try represent(item) }
            try emitter.collectionEnd(.sequence)
        case .dict(let dict):
            var pairs = Array(dict)
            if Self.sortByStrKeys(&pairs) {
                try emitter.collectionStart(.mapping, tag: YAMLTag.map, implicit: true)
                for (key, value) in pairs {
                    try represent(key)
                    try represent(value)
                }
                try emitter.collectionEnd(.mapping)
            } else {
                try mapping(pairs, tag: YAMLTag.map)
            }
        case .set(let set):
            try mapping(set.map { (key: $0, value: PythonValue.none) }, tag: YAMLTag.set)
        case .datetime(let datetime):
            try scalar(datetime.date.isoFormat + " " + datetime.time.isoFormat, YAMLTag.timestamp, .timestamp)
        case .date(let date):
            try scalar(date.isoFormat, YAMLTag.timestamp, .timestamp)
        case .frozenset, .time, .timedelta, .decimal, .complex, .bytearray, .uuid, .markup:
            throw SecureCookieError.unrepresentable("yaml.safe_dump cannot represent a \(value.typeName)")
        }
    }

    /// - Parameters:
    ///   - text: The scalar's text.
    ///   - tag: The full tag.
    ///   - implicit: The implicit tag that is `tag` (`nil` for `!!binary`, which no plain text resolves to).
    ///   - literal: Ask for the literal block style (`|`), as PyYAML does for binary.
    /// - Throws: ``SecureCookieError`` (unrepresentable) when libyaml refuses the scalar.
    private func scalar(_ text: String, _ tag: String, _ implicit: YAMLImplicitTag?, literal: Bool = false) throws {
        try emitter.scalar(
            text, tag: tag,
            plainImplicit: implicit != nil && YAMLResolver.implicitTag(of: text) == implicit,
            quotedImplicit: implicit == .str, literal: literal)
    }

    /// Sorts pairs whose keys are all `str` as `sorted()` does, in place; `false` (pairs untouched)
    /// when a key is not a `str`.
    ///
    /// A dict's `str` keys differ in code points, so Python's tuple comparison never reaches the
    /// values, and code point order is the order of the UTF-8 bytes.
    static func sortByStrKeys(_ pairs: inout [(key: PythonValue, value: PythonValue)]) -> Bool {
        for pair in pairs {
            guard case .str = pair.key else { return false }
        }
        pairs.sort { a, b in
            guard case .str(let x) = a.key, case .str(let y) = b.key else { return false }
            return utf8Precedes(x, y)
        }
        return true
    }

    /// Whether `x` sorts before `y` by UTF-8 bytes (code points).
    private static func utf8Precedes(_ x: String, _ y: String) -> Bool {
        var x = x
        var y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in
                let common = min(a.count, b.count)
                var index = 0
                while index < common {
                    if a[index] != b[index] { return a[index] < b[index] }
                    index += 1
                }
                return a.count < b.count
            }
        }
    }

    /// `represent_mapping` with `sort_keys=True`: pairs sorted as Python sorts `(key, value)`
    /// tuples, or left in order when Python's sort would raise `TypeError`.
    private func mapping(_ pairs: [(key: PythonValue, value: PythonValue)], tag: String) throws {
        var sorted = pairs
        do {
            try sorted.sort { a, b in
                if a.key == b.key { return try PythonOrdering.less(a.value, b.value) }
                return try PythonOrdering.less(a.key, b.key)
            }
        } catch {
            sorted = pairs
        }
        try emitter.collectionStart(.mapping, tag: tag, implicit: tag == YAMLTag.map)
        for (key, value) in sorted {
            try represent(key)
            try represent(value)
        }
        try emitter.collectionEnd(.mapping)
    }

    /// `represent_float`: `.nan`, `.inf`, `-.inf`, or `repr()` lowered with `.0` added before a bare exponent.
    static func floatText(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let text = PythonFloatRepr.repr(value).lowercased()
        // (Bytes, not `contains(".")`, which Foundation would answer with a locale-aware search.)
        if !text.utf8.contains(UInt8(ascii: ".")), let e = text.firstIndex(of: "e") {
            return text[..<e] + ".0" + text[e...]
        }
        return text
    }

    /// `base64.encodebytes`: standard base64 with a newline after every 76 characters and at the end.
    static func encodeBytes(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var line: [UInt8] = []
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = UInt32(chunk[chunk.startIndex])
            let b1 = chunk.count > 1 ? UInt32(chunk[chunk.startIndex + 1]) : 0
            let b2 = chunk.count > 2 ? UInt32(chunk[chunk.startIndex + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            line.append(alphabet[Int(n >> 18 & 63)])
            line.append(alphabet[Int(n >> 12 & 63)])
            line.append(chunk.count > 1 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            line.append(chunk.count > 2 ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            index += 3
            if line.count == 76 {
                out += line + [0x0A]
                line.removeAll(keepingCapacity: true)
            }
        }
        if !line.isEmpty { out += line + [0x0A] }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Python's `<` between values, for sorting dict keys as `sorted()` does.
internal enum PythonOrdering {
    /// Python's `TypeError` from comparing unorderable types.
    struct Unorderable: Error {}

    /// `lhs < rhs` in Python.
    ///
    /// - Throws: ``Unorderable`` where Python raises `TypeError`.
    static func less(_ lhs: PythonValue, _ rhs: PythonValue) throws -> Bool {
        switch (lhs, rhs) {
        case (.str(let a), .str(let b)):
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        case (.bytes(let a), .bytes(let b)):
            return a.lexicographicallyPrecedes(b)
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            for (x, y) in zip(a, b) where x != y { return try less(x, y) }
            return a.count < b.count
        case (.date(let a), .date(let b)):
            return a < b
        case (.datetime(let a), .datetime(let b)):
            switch (a.utcOffset, b.utcOffset) {
            case (nil, nil): return a.wallClockMicrosecondsSinceEpoch < b.wallClockMicrosecondsSinceEpoch
            case (.some, .some): return a.microsecondsSinceUnixEpoch < b.microsecondsSinceUnixEpoch
            default: throw Unorderable()
            }
        case (.set(let a), .set(let b)):
            return a.count < b.count && a.allSatisfy { b.contains($0) }
        default:
            guard let a = number(lhs), let b = number(rhs) else { throw Unorderable() }
            return numericLess(a, b)
        }
    }

    private enum Number {
        case integer(PythonBigInt)
        case real(Double)
    }

    private static func number(_ value: PythonValue) -> Number? {
        switch value {
        case .bool(let flag): return .integer(PythonBigInt(flag ? 1 : 0))
        case .int(let integer): return .integer(PythonBigInt(integer))
        case .bigInt(let integer): return .integer(integer)
        case .float(let double): return .real(double)
        default: return nil
        }
    }

    private static func numericLess(_ a: Number, _ b: Number) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y
        case (.real(let x), .real(let y)): return x < y
        case (.integer(let x), .real(let y)): return compare(x, y) < 0
        case (.real(let x), .integer(let y)): return !x.isNaN && compare(y, x) > 0
        }
    }

    /// Exact comparison of an integer with a double (-1, 0, 1); NaN compares as "not less".
    private static func compare(_ integer: PythonBigInt, _ double: Double) -> Int {
        if double.isNaN { return 0 }
        if double == .infinity { return -1 }
        if double == -.infinity { return 1 }
        let approximate = integer.doubleValue
        if approximate < double { return -1 }
        if approximate > double { return 1 }
        // Equal as doubles: compare exactly against the (integral) double.
        let floor = double.rounded(.down)
        guard let exact = PythonBigInt(exactly: floor) else { return 0 }
        if integer < exact { return -1 }
        if integer > exact { return 1 }
        return floor < double ? -1 : 0
    }
}
