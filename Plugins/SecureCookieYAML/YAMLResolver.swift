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

    /// A tag as a user would write it: `!!int` for the core tags, the tag itself otherwise.
    static func display(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}

/// PyYAML's implicit resolver (`yaml/resolver.py`): which tag a plain scalar gets.
///
/// Each pattern is a hand-written matcher of the exact regular expression PyYAML registers,
/// tried in PyYAML's order for the scalar's first character. Python's `$` also matches
/// before a final newline, which only matters for `!`-tagged quoted scalars; that is kept too.
internal enum YAMLResolver {
    /// The tag of a scalar without an explicit tag.
    ///
    /// - Parameters:
    ///   - value: The scalar's text.
    ///   - plainImplicit: Whether the scalar was plain (or tagged `!`), so implicit resolution applies.
    /// - Returns: The resolved tag; `tag:yaml.org,2002:str` for a quoted scalar.
    static func resolveScalar(_ value: String, plainImplicit: Bool) -> String {
        guard plainImplicit else { return YAMLTag.str }
        let scalars = Array(value.unicodeScalars)
        if let tag = resolve(scalars) { return tag }
        // Python's `$` also matches before a final newline; the resolvers are still chosen by
        // the first character of the whole value, so "\n" alone stays a string.
        if scalars.count > 1, scalars.last == "\n", let tag = resolve(Array(scalars.dropLast())) { return tag }
        return YAMLTag.str
    }

    private static func resolve(_ s: [Unicode.Scalar]) -> String? {
        guard let first = s.first else { return YAMLTag.null }
        switch first {
        case "y", "Y", "n", "N", "t", "T", "f", "F", "o", "O":
            if isBool(s) { return YAMLTag.bool }
            if (first == "n" || first == "N") && isNull(s) { return YAMLTag.null }
            return nil
        case "-", "+":
            if isFloat(s) { return YAMLTag.float }
            if isInt(s) { return YAMLTag.int }
            return nil
        case ".":
            return isFloat(s) ? YAMLTag.float : nil
        case "0"..."9":
            if isFloat(s) { return YAMLTag.float }
            if isInt(s) { return YAMLTag.int }
            if isTimestamp(s) { return YAMLTag.timestamp }
            return nil
        case "<":
            return s.count == 2 && s[1] == "<" ? YAMLTag.merge : nil
        case "~":
            return s.count == 1 ? YAMLTag.null : nil
        case "=":
            return s.count == 1 ? YAMLTag.value : nil
        case "!", "&", "*":
            return s.count == 1 ? YAMLTag.yaml : nil
        default:
            return nil
        }
    }

    private static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    private static func isBool(_ s: [Unicode.Scalar]) -> Bool {
        s.count <= 5 && boolWords.contains(String(String.UnicodeScalarView(s)))
    }

    private static func isNull(_ s: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(s))
        return text == "null" || text == "Null" || text == "NULL"
    }

    /// A cursor over scalars for the matchers.
    private struct Cursor {
        let s: [Unicode.Scalar]
        var i = 0
        var atEnd: Bool { i == s.count }
        var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

        mutating func take(_ c: Unicode.Scalar) -> Bool {
            if peek == c { i += 1; return true }
            return false
        }

        mutating func take(where test: (Unicode.Scalar) -> Bool) -> Bool {
            if let c = peek, test(c) { i += 1; return true }
            return false
        }

        /// Takes as many as match; returns how many.
        @discardableResult
        mutating func takeAll(where test: (Unicode.Scalar) -> Bool) -> Int {
            let start = i
            while let c = peek, test(c) { i += 1 }
            return i - start
        }

        mutating func takeSign() { _ = take("-") || take("+") }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private static func isDigitOrUnderscore(_ c: Unicode.Scalar) -> Bool { isDigit(c) || c == "_" }

    /// `(?::[0-5]?[0-9])+` — at least one group; returns false if none matched.
    private static func takeSexagesimalGroups(_ c: inout Cursor) -> Bool {
        var groups = 0
        while c.peek == ":" {
            var probe = c
            probe.i += 1
            // [0-5]?[0-9]: try two digits first (greedy), as the regex backtracks to one.
            if let a = probe.peek, a >= "0" && a <= "5", probe.i + 1 < probe.s.count, isDigit(probe.s[probe.i + 1]) {
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
    static func isFloat(_ s: [Unicode.Scalar]) -> Bool {
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
                    if e.take(where: { $0 == "e" || $0 == "E" }), e.take(where: { $0 == "-" || $0 == "+" }),
                       e.takeAll(where: isDigit) > 0, e.atEnd { return true }
                }
            }
        }
        // \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(s: s)
            if c.take("."), c.take(where: isDigit) {
                c.takeAll(where: isDigitOrUnderscore)
                if c.atEnd { return true }
                if c.take(where: { $0 == "e" || $0 == "E" }), c.take(where: { $0 == "-" || $0 == "+" }),
                   c.takeAll(where: isDigit) > 0, c.atEnd { return true }
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
        let text = String(String.UnicodeScalarView(s))
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        if unsigned == ".inf" || unsigned == ".Inf" || unsigned == ".INF" { return true }
        return text == ".nan" || text == ".NaN" || text == ".NAN"
    }

    /// PyYAML's int pattern.
    static func isInt(_ s: [Unicode.Scalar]) -> Bool {
        var start = Cursor(s: s)
        start.takeSign()
        // 0b[0-1_]+
        do {
            var c = start
            if c.take("0"), c.take("b"), c.takeAll(where: { $0 == "0" || $0 == "1" || $0 == "_" }) > 0, c.atEnd {
                return true
            }
        }
        // 0[0-7_]+
        do {
            var c = start
            if c.take("0"), c.takeAll(where: { ($0 >= "0" && $0 <= "7") || $0 == "_" }) > 0, c.atEnd { return true }
        }
        // (?:0|[1-9][0-9_]*)
        do {
            var c = start
            if c.take("0"), c.atEnd { return true }
            c = start
            if c.take(where: { $0 >= "1" && $0 <= "9" }) {
                c.takeAll(where: isDigitOrUnderscore)
                if c.atEnd { return true }
            }
        }
        // 0x[0-9a-fA-F_]+
        do {
            var c = start
            if c.take("0"), c.take("x"),
               c.takeAll(where: { isDigit($0) || ($0 >= "a" && $0 <= "f") || ($0 >= "A" && $0 <= "F") || $0 == "_" }) > 0,
               c.atEnd { return true }
        }
        // [1-9][0-9_]*(?::[0-5]?[0-9])+
        do {
            var c = start
            if c.take(where: { $0 >= "1" && $0 <= "9" }) {
                c.takeAll(where: isDigitOrUnderscore)
                if takeSexagesimalGroups(&c), c.atEnd { return true }
            }
        }
        return false
    }

    /// PyYAML's implicit timestamp pattern.
    static func isTimestamp(_ s: [Unicode.Scalar]) -> Bool {
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
        if !c.take(where: { $0 == "T" || $0 == "t" }) {
            guard c.takeAll(where: { $0 == " " || $0 == "\t" }) > 0 else { return false }
        }
        guard c.take(where: isDigit) else { return false }
        _ = c.take(where: isDigit)
        guard c.take(":"), digits(&c, 2), c.take(":"), digits(&c, 2) else { return false }
        if c.take(".") { c.takeAll(where: isDigit) }
        if c.atEnd { return true }
        c.takeAll(where: { $0 == " " || $0 == "\t" })
        if c.take("Z") { return c.atEnd }
        guard c.take(where: { $0 == "-" || $0 == "+" }), c.take(where: isDigit) else { return false }
        _ = c.take(where: isDigit)
        if c.atEnd { return true }
        return c.take(":") && digits(&c, 2) && c.atEnd
    }
}
