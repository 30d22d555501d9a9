/// The YAML 1.1 tags PyYAML's `SafeLoader` knows.
internal enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let null = prefix + "null"
    static let bool = prefix + "bool"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let str = prefix + "str"
    static let binary = prefix + "binary"
    static let timestamp = prefix + "timestamp"
    static let seq = prefix + "seq"
    static let map = prefix + "map"
    static let set = prefix + "set"
    static let omap = prefix + "omap"
    static let pairs = prefix + "pairs"
    static let merge = prefix + "merge"
    static let value = prefix + "value"
    static let yaml = prefix + "yaml"

    /// The tags this module names in messages: fixed text of its own, never text from the input.
    private static let known: Set<String> = [
        null, bool, int, float, str, binary, timestamp, seq, map, set, omap, pairs, merge, value, yaml,
    ]

    /// PyYAML's Python-specific tags that take no name (`!!python/tuple`).
    private static let pythonTags: Set<String> = [
        "python/none", "python/bool", "python/str", "python/unicode", "python/bytes", "python/int",
        "python/long", "python/float", "python/complex", "python/list", "python/tuple", "python/dict",
    ]

    /// PyYAML's Python-specific tags followed by a name (`!!python/object/apply:os.system`).
    private static let pythonNamedTags = [
        "python/object/apply:", "python/object/new:", "python/object:", "python/module:", "python/name:",
    ]

    /// A tag as a message may show it, without repeating a byte of the input.
    ///
    /// The tags ``YAMLConstructor`` knows are shown as a user writes them (`!!int`); PyYAML's
    /// Python tags by their fixed part only (`!!python/object/apply`, never the name after the
    /// colon); any other tag by its kind and length (`<local tag, 4 bytes>`).
    static func display(_ tag: String) -> String {
        if known.contains(tag) { return "!!" + tag.dropFirst(prefix.count) }
        if tag.hasPrefix(prefix) {
            let name = String(tag.dropFirst(prefix.count))
            if pythonTags.contains(name) { return "!!" + name }
            if let named = pythonNamedTags.first(where: { name.hasPrefix($0) }) {
                return "!!" + named.dropLast()
            }
            return "<unknown !! tag, \(tag.utf8.count) bytes>"
        }
        if tag.hasPrefix("!") { return "<local tag, \(tag.utf8.count) bytes>" }
        return "<tag, \(tag.utf8.count) bytes>"
    }
}

/// The tag PyYAML's implicit resolver gives a plain scalar, without building a tag string.
internal enum YAMLImplicitTag: Sendable, Equatable {
    case str, null, bool, int, float, timestamp, merge, value, yaml

    /// The full tag.
    var tag: String {
        switch self {
        case .str: return YAMLTag.str
        case .null: return YAMLTag.null
        case .bool: return YAMLTag.bool
        case .int: return YAMLTag.int
        case .float: return YAMLTag.float
        case .timestamp: return YAMLTag.timestamp
        case .merge: return YAMLTag.merge
        case .value: return YAMLTag.value
        case .yaml: return YAMLTag.yaml
        }
    }
}

/// PyYAML's implicit resolver (`yaml/resolver.py`): which tag a plain scalar gets.
///
/// Each pattern is a hand-written matcher of the exact regular expression PyYAML registers,
/// tried in PyYAML's order for the scalar's first character. Python's `$` also matches
/// before a final newline, which only matters for `!`-tagged quoted scalars; that is kept too.
///
/// The matchers read UTF-8 bytes: every pattern is ASCII, so a byte of a multi-byte character
/// never matches, and lengths compared (`~`, `<<`, the booleans) are lengths of ASCII text.
internal enum YAMLResolver {
    /// The tag of a scalar without an explicit tag.
    ///
    /// - Parameters:
    ///   - value: The scalar's text.
    ///   - plainImplicit: Whether the scalar was plain (or tagged `!`), so implicit resolution applies.
    /// - Returns: The resolved tag; `tag:yaml.org,2002:str` for a quoted scalar.
    static func resolveScalar(_ value: String, plainImplicit: Bool) -> String {
        guard plainImplicit else { return YAMLTag.str }
        return implicitTag(of: value).tag
    }

    /// The implicit tag of a plain scalar's text.
    static func implicitTag(of value: String) -> YAMLImplicitTag {
        if let tag = value.utf8.withContiguousStorageIfAvailable({ implicitTag(of: $0) }) { return tag }
        return Array(value.utf8).withUnsafeBufferPointer { implicitTag(of: $0) }
    }

    /// The implicit tag of a plain scalar's UTF-8 bytes.
    static func implicitTag(of bytes: UnsafeBufferPointer<UInt8>) -> YAMLImplicitTag {
        if let tag = resolve(bytes) { return tag }
        // Python's `$` also matches before a final newline; the resolvers are still chosen by
        // the first character of the whole value, so "\n" alone stays a string.
        if bytes.count > 1, bytes[bytes.count - 1] == 0x0A,
            let tag = resolve(UnsafeBufferPointer(rebasing: bytes[0..<(bytes.count - 1)]))
        {
            return tag
        }
        return .str
    }

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    private static func resolve(_ s: Bytes) -> YAMLImplicitTag? {
        guard let first = s.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if isBool(s) { return .bool }
            if (first == UInt8(ascii: "n") || first == UInt8(ascii: "N")) && isNull(s) { return .null }
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            if isFloat(s) { return .float }
            if isInt(s) { return .int }
            return nil
        case UInt8(ascii: "."):
            return isFloat(s) ? .float : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if isFloat(s) { return .float }
            if isInt(s) { return .int }
            if isTimestamp(s) { return .timestamp }
            return nil
        case UInt8(ascii: "<"):
            return s.count == 2 && s[1] == UInt8(ascii: "<") ? .merge : nil
        case UInt8(ascii: "~"):
            return s.count == 1 ? .null : nil
        case UInt8(ascii: "="):
            return s.count == 1 ? .value : nil
        case UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "*"):
            return s.count == 1 ? .yaml : nil
        default:
            return nil
        }
    }

    /// Whether the bytes are exactly the word.
    private static func matches(_ s: Bytes, _ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == s.count else { return false }
        let pointer = word.utf8Start
        for index in 0..<s.count where pointer[index] != s[index] { return false }
        return true
    }

    /// Whether the bytes are one spelling of a word: all lowercase, capitalised, or all uppercase.
    private static func matchesCased(
        _ s: Bytes, _ lower: StaticString, _ capitalised: StaticString,
        _ upper: StaticString
    ) -> Bool {
        guard lower.utf8CodeUnitCount == s.count else { return false }
        return matches(s, lower) || matches(s, capitalised) || matches(s, upper)
    }

    private static func isBool(_ s: Bytes) -> Bool {
        switch s.count {
        case 2: return matchesCased(s, "no", "No", "NO") || matchesCased(s, "on", "On", "ON")
        case 3: return matchesCased(s, "yes", "Yes", "YES") || matchesCased(s, "off", "Off", "OFF")
        case 4: return matchesCased(s, "true", "True", "TRUE")
        case 5: return matchesCased(s, "false", "False", "FALSE")
        default: return false
        }
    }

    private static func isNull(_ s: Bytes) -> Bool {
        matchesCased(s, "null", "Null", "NULL")
    }

    /// A cursor over bytes for the matchers.
    private struct Cursor {
        let s: Bytes
        var i = 0
        var atEnd: Bool { i == s.count }
        var peek: UInt8? { i < s.count ? s[i] : nil }

        mutating func take(_ c: Unicode.Scalar) -> Bool {
            if i < s.count && s[i] == UInt8(ascii: c) {
                i += 1
                return true
            }
            return false
        }

        mutating func take(where test: (UInt8) -> Bool) -> Bool {
            if i < s.count && test(s[i]) {
                i += 1
                return true
            }
            return false
        }

        /// Takes as many as match; returns how many.
        @discardableResult
        mutating func takeAll(where test: (UInt8) -> Bool) -> Int {
            let start = i
            while i < s.count && test(s[i]) { i += 1 }
            return i - start
        }

        mutating func takeSign() { _ = take("-") || take("+") }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static func isDigitOrUnderscore(_ c: UInt8) -> Bool { isDigit(c) || c == UInt8(ascii: "_") }
    private static func isExponent(_ c: UInt8) -> Bool { c == UInt8(ascii: "e") || c == UInt8(ascii: "E") }
    private static func isSign(_ c: UInt8) -> Bool { c == UInt8(ascii: "-") || c == UInt8(ascii: "+") }
    private static func isNonZeroDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") }
    private static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }

    /// `(?::[0-5]?[0-9])+` — at least one group; returns false if none matched.
    private static func takeSexagesimalGroups(_ c: inout Cursor) -> Bool {
        var groups = 0
        while c.peek == UInt8(ascii: ":") {
            var probe = c
            probe.i += 1
            // [0-5]?[0-9]: try two digits first (greedy), as the regex backtracks to one.
            if let a = probe.peek, a >= UInt8(ascii: "0") && a <= UInt8(ascii: "5"), probe.i + 1 < probe.s.count,
                isDigit(probe.s[probe.i + 1])
            {
                probe.i += 2
            } else if probe.take(where: isDigit) {
            } else {
                break
            }
            c = probe
            groups += 1
        }
        return groups > 0
    }

    /// PyYAML's float pattern.
    private static func isFloat(_ s: Bytes) -> Bool {
        // [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(s: s)
            c.takeSign()
            if c.take(where: isDigit) {
                c.takeAll(where: isDigitOrUnderscore)
                if c.take(".") {
                    c.takeAll(where: isDigitOrUnderscore)
                    if c.atEnd { return true }
                    var e = c
                    if e.take(where: isExponent), e.take(where: isSign), e.takeAll(where: isDigit) > 0, e.atEnd { return true }
                }
            }
        }
        // \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(s: s)
            if c.take("."), c.take(where: isDigit) {
                c.takeAll(where: isDigitOrUnderscore)
                if c.atEnd { return true }
                if c.take(where: isExponent), c.take(where: isSign), c.takeAll(where: isDigit) > 0, c.atEnd { return true }
            }
        }
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        do {
            var c = Cursor(s: s)
            c.takeSign()
            if c.take(where: isDigit) {
                c.takeAll(where: isDigitOrUnderscore)
                if takeSexagesimalGroups(&c), c.take(".") {
                    c.takeAll(where: isDigitOrUnderscore)
                    if c.atEnd { return true }
                }
            }
        }
        // [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
        if matchesCased(s, ".nan", ".NaN", ".NAN") { return true }
        let unsigned = s.first.map(isSign) == true ? Bytes(rebasing: s[1...]) : s
        return matchesCased(unsigned, ".inf", ".Inf", ".INF")
    }

    /// PyYAML's int pattern.
    private static func isInt(_ s: Bytes) -> Bool {
        var start = Cursor(s: s)
        start.takeSign()
        // 0b[0-1_]+
        do {
            var c = start
            if c.take("0"), c.take("b"),
                c.takeAll(where: { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }) > 0,
                c.atEnd
            {
                return true
            }
        }
        // 0[0-7_]+
        do {
            var c = start
            if c.take("0"),
                c.takeAll(where: { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7")) || $0 == UInt8(ascii: "_") }) > 0,
                c.atEnd
            {
                return true
            }
        }
        // (?:0|[1-9][0-9_]*)
        do {
            var c = start
            if c.take("0"), c.atEnd { return true }
            c = start
            if c.take(where: isNonZeroDigit) {
                c.takeAll(where: isDigitOrUnderscore)
                if c.atEnd { return true }
            }
        }
        // 0x[0-9a-fA-F_]+
        do {
            var c = start
            if c.take("0"), c.take("x"),
                c.takeAll(where: {
                    isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
                        || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F")) || $0 == UInt8(ascii: "_")
                }) > 0,
                c.atEnd
            {
                return true
            }
        }
        // [1-9][0-9_]*(?::[0-5]?[0-9])+
        do {
            var c = start
            if c.take(where: isNonZeroDigit) {
                c.takeAll(where: isDigitOrUnderscore)
                if takeSexagesimalGroups(&c), c.atEnd { return true }
            }
        }
        return false
    }

    /// PyYAML's implicit timestamp pattern.
    private static func isTimestamp(_ s: Bytes) -> Bool {
        var c = Cursor(s: s)
        func digits(_ c: inout Cursor, _ n: Int) -> Bool {
            for _ in 0..<n where !c.take(where: isDigit) { return false }
            return true
        }
        // YYYY-MM-DD exactly
        do {
            var d = c
            if digits(&d, 4), d.take("-"), digits(&d, 2), d.take("-"), digits(&d, 2), d.atEnd { return true }
        }
        // YYYY-M?M-D?D (T|[ \t]+) H?H:MM:SS(.f*)? ([ \t]*(Z|[-+]H?H(:MM)?))?
        guard digits(&c, 4), c.take("-"), c.take(where: isDigit) else { return false }
        _ = c.take(where: isDigit)
        guard c.take("-"), c.take(where: isDigit) else { return false }
        _ = c.take(where: isDigit)
        if !c.take(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) {
            guard c.takeAll(where: isBlank) > 0 else { return false }
        }
        guard c.take(where: isDigit) else { return false }
        _ = c.take(where: isDigit)
        guard c.take(":"), digits(&c, 2), c.take(":"), digits(&c, 2) else { return false }
        if c.take(".") { c.takeAll(where: isDigit) }
        if c.atEnd { return true }
        c.takeAll(where: isBlank)
        if c.take("Z") { return c.atEnd }
        guard c.take(where: isSign), c.take(where: isDigit) else { return false }
        _ = c.take(where: isDigit)
        if c.atEnd { return true }
        return c.take(":") && digits(&c, 2) && c.atEnd
    }
}
