/// A position in YAML input, 1-based as PyYAML and libyaml print it.
internal struct YAMLMark: Sendable, Equatable, CustomStringConvertible {
    /// The line, counting from 1.
    var line: Int
    /// The column, counting from 1.
    var column: Int

    var description: String { "line \(line) column \(column)" }

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// A mark from libyaml's 0-based line and column (saturating, never trapping).
    init(zeroBasedLine line: Int, column: Int) {
        self.init(line: Self.oneBased(line), column: Self.oneBased(column))
    }

    private static func oneBased(_ value: Int) -> Int {
        let (next, overflow) = Swift.max(0, value).addingReportingOverflow(1)
        return overflow ? Int.max : next
    }
}

/// How a scalar was written in the input.
internal enum YAMLScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One parser event, copied out of libyaml into Swift values.
internal enum YAMLEvent: Sendable, Equatable {
    case streamStart
    case streamEnd
    case documentStart(explicit: Bool)
    case documentEnd(explicit: Bool)
    case alias(anchor: String)
    case scalar(anchor: String?, tag: String?, value: String, plainImplicit: Bool, quotedImplicit: Bool, style: YAMLScalarStyle)
    case sequenceStart(anchor: String?, tag: String?, flow: Bool)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String?, flow: Bool)
    case mappingEnd

    /// The event's kind as the `test.event` format names it (`+SEQ`, `=VAL`...), without anchor,
    /// tag or text, so a message may show it.
    var kindName: String {
        switch self {
        case .streamStart: return "+STR"
        case .streamEnd: return "-STR"
        case .documentStart: return "+DOC"
        case .documentEnd: return "-DOC"
        case .alias: return "=ALI"
        case .scalar: return "=VAL"
        case .sequenceStart: return "+SEQ"
        case .sequenceEnd: return "-SEQ"
        case .mappingStart: return "+MAP"
        case .mappingEnd: return "-MAP"
        }
    }

    /// The event as one line of the yaml-test-suite `test.event` format (`+STR`, `=VAL :a`, ...).
    var testSuiteLine: String {
        func properties(_ anchor: String?, _ tag: String?) -> String {
            (anchor.map { " &\($0)" } ?? "") + (tag.map { " <\($0)>" } ?? "")
        }
        switch self {
        case .streamStart: return "+STR"
        case .streamEnd: return "-STR"
        case .documentStart(let explicit): return explicit ? "+DOC ---" : "+DOC"
        case .documentEnd(let explicit): return explicit ? "-DOC ..." : "-DOC"
        case .alias(let anchor): return "=ALI *\(anchor)"
        case .sequenceStart(let anchor, let tag, let flow):
            return "+SEQ" + (flow ? " []" : "") + properties(anchor, tag)
        case .sequenceEnd: return "-SEQ"
        case .mappingStart(let anchor, let tag, let flow):
            return "+MAP" + (flow ? " {}" : "") + properties(anchor, tag)
        case .mappingEnd: return "-MAP"
        case .scalar(let anchor, let tag, let value, _, _, let style):
            let indicator: String
            switch style {
            case .plain: indicator = ":"
            case .singleQuoted: indicator = "'"
            case .doubleQuoted: indicator = "\""
            case .literal: indicator = "|"
            case .folded: indicator = ">"
            }
            var escaped = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": escaped += "\\\\"
                case "\0": escaped += "\\0"
                case "\u{08}": escaped += "\\b"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return "=VAL" + properties(anchor, tag) + " " + indicator + escaped
        }
    }
}
