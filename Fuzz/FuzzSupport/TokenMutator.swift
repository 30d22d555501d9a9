/// Token-level mutation shared by the text formats: the input is split into tokens (runs of
/// ordinary bytes, single punctuation bytes, runs of spaces, newlines), which are replaced,
/// inserted, deleted, duplicated, swapped or repeated, with replacements drawn from a format's
/// vocabulary.
public struct TokenMutator: Sendable {
    /// Bytes that stand alone as tokens.
    public let punctuation: Set<UInt8>
    /// What a token may become or what may be inserted.
    public let vocabulary: [[UInt8]]
    /// Whole snippets inserted now and then (bombs, deep nesting).
    public let snippets: @Sendable (inout FuzzRandom) -> [UInt8]

    /// A mutator for a format.
    public init(punctuation: String, vocabulary: [String], snippets: @escaping @Sendable (inout FuzzRandom) -> [UInt8]) {
        self.punctuation = Set(punctuation.utf8)
        self.vocabulary = vocabulary.map { Array($0.utf8) }
        self.snippets = snippets
    }

    enum Class { case space, newline, punctuation, word }

    func classify(_ byte: UInt8) -> Class {
        if byte == 0x20 || byte == 0x09 { return .space }
        if byte == 0x0A || byte == 0x0D { return .newline }
        if punctuation.contains(byte) { return .punctuation }
        return .word
    }

    /// Splits bytes into tokens; joining them gives the bytes back.
    public func tokens(_ bytes: [UInt8]) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        var current: [UInt8] = []
        var currentClass: Class?
        for byte in bytes {
            let kind = classify(byte)
            if kind == .punctuation || kind != currentClass, !current.isEmpty {
                tokens.append(current)
                current = []
            }
            current.append(byte)
            currentClass = kind
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// One mutation.
    public func mutate(_ input: [UInt8], _ random: inout FuzzRandom, maxSize: Int = FuzzMutation.maximumInput) -> [UInt8]? {
        var tokens = tokens(input)
        if tokens.isEmpty || random.oneIn(30) { tokens.insert(snippets(&random), at: random.below(tokens.count + 1)) }
        for _ in 0..<(1 + random.below(3)) {
            let at = random.below(tokens.count)
            switch random.below(8) {
            case 0: if tokens.count > 1 { tokens.remove(at: at) }
            case 1: tokens.insert(tokens[at], at: at)
            case 2: tokens.swapAt(at, random.below(tokens.count))
            case 3, 4: tokens[at] = random.pick(vocabulary)
            case 5: tokens.insert(random.pick(vocabulary), at: at)
            case 6:
                let end = min(tokens.count, at + 1 + random.below(10))
                let span = Array(tokens[at..<end])
                for _ in 0..<random.pick([2, 3, 10, 50]) { tokens.insert(contentsOf: span, at: at) }
            default: tokens.insert(snippets(&random), at: at)
            }
        }
        var out = tokens.flatMap { $0 }
        if out.count > maxSize { out.removeLast(out.count - maxSize) }
        return out
    }
}

/// The vocabularies of the text formats.
public enum FuzzVocabulary {
    /// YAML: anchors, aliases, tags, flow and block indicators, scalars of every type PyYAML's
    /// resolver knows (and near misses).
    public static let yaml = TokenMutator(
        punctuation: "[]{},:-?&*!|>'\"#%@`",
        vocabulary: [
            "&a ", "&b ", "*a", "*b", "<<: *a", "<<", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!binary ",
            "!!timestamp ", "!!set ", "!!omap ", "!!pairs ", "!!seq ", "!!map ", "!!merge ", "!!value ", "!!python/tuple ",
            "!!python/object/apply:os.system ", "!!python/name:os.system ", "!local ", "!<tag:yaml.org,2002:int> ", "! ",
            "[", "]", "{", "}", ", ", ": ", "- ", "? ", "|", ">", "|-", ">+", "\n", "\n  ", "\n- ", "\n  - ", "---\n", "...\n",
            "%YAML 1.1\n", "%TAG !e! tag:e,2000:\n", "#c", "'a''b'", "\"\\x41\\ud800\\U0010ffff\"", "\"\\N\\_\\L\\P\"",
            "0", "-0", "+12", "0x1F", "0o17", "017", "0b1010", "1_000", "190:20:30", "-1:0", "9223372036854775808",
            String(repeating: "9", count: 5000), "1.5", ".5", "1e999", "-.inf", ".Inf", ".NaN", "6.8523015e+5",
            "685.230_15e+03", "190:20:30.15", "1_0.e1", "yes", "No", "on", "OFF", "y", "True", "~", "null", "Null", "",
            "2001-12-14t21:59:43.10-05:00", "2002-12-14", "2001-12-14 21:59:43.10 -5", "9999-12-31 23:59:59.999999 -24:00",
            "0001-01-01T00:00:00+24:00", "2001-02-29", "2001-12-14T21:59:43.1234567Z", "R0lGODlhDAAMAIQAAP",
            "a", "b", "x", "\u{85}", "\u{FEFF}", "\u{1F600}",
        ],
        snippets: { random in
            // Alias bombs and deep nesting.
            switch random.below(3) {
            case 0:
                var out = "a: &a [\(String(repeating: "x,", count: 9))x]\n"
                var previous = "a"
                for level in 0..<random.pick([3, 5, 7, 9]) {
                    let name = "l\(level)"
                    out += "\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 10).joined(separator: ","))]\n"
                    previous = name
                }
                return Array(out.utf8)
            case 1:
                let long = String(repeating: "y", count: random.pick([100, 1000, 3000]))
                return Array(
                    "s: &s \(long)\nt: [\(Array(repeating: "*s", count: random.pick([10, 200, 900])).joined(separator: ","))]\n".utf8)
            default:
                let depth = random.pick([50, 99, 100, 101, 200, 1000])
                return Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
            }
        })

    /// JSON: numbers at the edges, escapes, literals Python accepts, deep nesting.
    public static let json = TokenMutator(
        punctuation: "[]{},:\"\\",
        vocabulary: [
            "[", "]", "{", "}", ",", ":", "\"", "\\", "\"a\"", "\"$tuple\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"",
            "\"\\ud83d\\ude00\"", "\\u", "\\x", "0", "-0", "-0.0", "1e400", "-1e400", "1e-400", "1.5", "1E+2", "01", "1.", ".1",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", String(repeating: "9", count: 4300),
            String(repeating: "9", count: 4301), "NaN", "Infinity", "-Infinity", "true", "false", "null", "nul", "\u{FEFF}",
            "\u{0}", "\u{7F}", "\u{85}",
        ],
        snippets: { random in
            let depth = random.pick([99, 100, 101, 1000])
            switch random.below(3) {
            case 0: return Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
            case 1: return Array((String(repeating: "{\"a\":", count: depth / 2) + "1" + String(repeating: "}", count: depth / 2)).utf8)
            default:
                return Array(("[" + Array(repeating: "{}", count: random.pick([255, 256, 257, 1000])).joined(separator: ",") + "]").utf8)
            }
        })

    /// Cookies: items, `=`, `?`, `&`, `%` escapes, base64 edges, the expiry key.
    public static let cookie = TokenMutator(
        punctuation: "?&=%\"",
        vocabulary: [
            "?", "&", "=", "%", "%3D", "%00", "%zz", "%", "\"", "_expires", "_expires=", "MA==", "TQ==", "====", "=",
            "SIMmMfJJq8DeeKOiC0Dpe+hfRBI=", "ImEi", "bnVsbA==", "W1tbW10=", "KGxwMAou", "\u{FF}", "+", "/", "-", "_", "",
            String(repeating: "A", count: 3000), "gARLAS4=", "gAJ9cQAu", "k", "a",
        ],
        snippets: { random in
            Array(Array(repeating: "a=MA==", count: random.pick([255, 256, 257, 600])).joined(separator: "&").utf8)
        })
}
