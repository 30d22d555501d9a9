internal import CLibYAML
import SecureCookie

/// `safe_load` of the common document in one pass over libyaml's events, without a node graph.
///
/// A cookie value is plain block YAML: untagged scalars, sequences and mappings, no anchors.
/// For such a document, composing nodes and then constructing them builds exactly the values
/// built here straight from the events. Anything else (an anchor, an alias, a tag, a merge key,
/// a parse error, a value the constructor would refuse, a limit reached) gives up with `nil`,
/// and the caller parses the input again with ``YAMLComposer`` and ``YAMLConstructor``, which
/// report it as they always have. Giving up is always safe: it only costs the second parse.
internal struct YAMLFastLoader {
    private struct Frame {
        let isMapping: Bool
        /// Where this collection's items start in ``values``.
        let start: Int
    }

    private let limits: SecureCookieLimits
    /// The finished items of every open collection, innermost last (a mapping's as key, value, ...).
    private var values: [PythonValue] = []
    private var frames: [Frame] = []
    private var nodes = 0
    /// The bytes the document may still build (``YAMLMaterializedSize``). Nothing is shared on
    /// this path, so each scalar spends its weight once; past the limit the full path reports it.
    private var budget: MaterializationBudget

    /// Loads the stream's only document.
    ///
    /// - Returns: The value (`None` for an empty stream), or `nil` when the full path must decide.
    static func load(_ parser: LibYAMLParser, limits: SecureCookieLimits) -> PythonValue? {
        var loader = YAMLFastLoader(limits: limits)
        return loader.run(parser)
    }

    private init(limits: SecureCookieLimits) {
        self.limits = limits
        self.budget = MaterializationBudget(limits)
    }

    /// What one event did.
    private enum Step {
        case giveUp
        case opened
        case finished(PythonValue)
    }

    private static func nextType(_ parser: LibYAMLParser) -> yaml_event_type_t? {
        var event = yaml_event_t()
        guard parser.parse(into: &event) else { return nil }
        let type = event.type
        yaml_event_delete(&event)
        return type
    }

    private mutating func run(_ parser: LibYAMLParser) -> PythonValue? {
        guard Self.nextType(parser) == YAML_STREAM_START_EVENT else { return nil }
        switch Self.nextType(parser) {
        case YAML_STREAM_END_EVENT: return PythonValue.none
        case YAML_DOCUMENT_START_EVENT: break
        default: return nil
        }
        var root: PythonValue?
        while root == nil {
            var event = yaml_event_t()
            guard parser.parse(into: &event) else { return nil }
            let step = self.step(&event)
            yaml_event_delete(&event)
            switch step {
            case .giveUp:
                return nil
            case .opened:
                continue
            case .finished(let value):
                guard let frame = frames.last else {
                    root = value
                    continue
                }
                // A mapping key must be hashable; a collection key is left to the constructor's message.
                if frame.isMapping && (values.count - frame.start) & 1 == 0 {
                    switch value {
                    case .list, .dict: return nil
                    default: break
                    }
                }
                values.append(value)
            }
        }
        guard Self.nextType(parser) == YAML_DOCUMENT_END_EVENT, Self.nextType(parser) == YAML_STREAM_END_EVENT else {
            return nil
        }
        return root
    }

    private mutating func step(_ event: inout yaml_event_t) -> Step {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.anchor == nil, scalar.tag == nil, scalar.length <= limits.maximumValueBytes,
                countNode()
            else { return .giveUp }
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : scalar.length)
            // (A plain scalar never ends with a line break; Python's `$` before one is left to the full path.)
            if scalar.plain_implicit != 0 && bytes.last == 0x0A { return .giveUp }
            let kind: YAMLImplicitTag = scalar.plain_implicit != 0 ? YAMLResolver.implicitTag(of: bytes) : .str
            guard (try? budget.spend(YAMLMaterializedSize.scalar(kind, byteCount: bytes.count))) != nil,
                let value = Self.scalarValue(bytes, kind)
            else { return .giveUp }
            return .finished(value)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            guard start.anchor == nil, start.tag == nil else { return .giveUp }
            return open(isMapping: false)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            guard start.anchor == nil, start.tag == nil else { return .giveUp }
            return open(isMapping: true)
        case YAML_SEQUENCE_END_EVENT:
            guard let frame = frames.popLast(), !frame.isMapping else { return .giveUp }
            let items: [PythonValue]
            if frame.start == 0 {
                // The outermost collection takes the whole buffer rather than a copy of it.
                items = values
                values = []
            } else {
                items = Array(values[frame.start...])
                values.removeLast(values.count - frame.start)
            }
            return .finished(.list(items))
        case YAML_MAPPING_END_EVENT:
            guard let frame = frames.popLast(), frame.isMapping, (values.count - frame.start) & 1 == 0 else {
                return .giveUp
            }
            var dict = PythonDict()
            dict.reserveCapacity((values.count - frame.start) / 2)
            var index = frame.start
            while index < values.count {
                dict[values[index]] = values[index + 1]
                index += 2
            }
            values.removeLast(values.count - frame.start)
            return .finished(.dict(dict))
        default:
            return .giveUp
        }
    }

    /// Counts a node; `false` once there are more than the composer allows.
    private mutating func countNode() -> Bool {
        nodes += 1
        return nodes <= limits.maximumNodes
    }

    private mutating func open(isMapping: Bool) -> Step {
        guard frames.count + 1 <= limits.maximumDepth, countNode() else { return .giveUp }
        if frames.capacity == 0 {
            // Room for a cookie's nesting and pending items at once, rather than growing step by step.
            frames.reserveCapacity(8)
            values.reserveCapacity(32)
        }
        frames.append(Frame(isMapping: isMapping, start: values.count))
        return .opened
    }

    /// The value `SafeConstructor` builds for an untagged scalar, or `nil` to leave it to the full path.
    static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: YAMLImplicitTag) -> PythonValue? {
        switch kind {
        case .str:
            let text = String(decoding: bytes, as: UTF8.self)
            // libyaml hands over valid UTF-8; anything repaired here is left to the full path.
            guard text.utf8.count == bytes.count else { return nil }
            return .str(text)
        case .null:
            return PythonValue.none
        case .bool:
            // One of yes/no/true/false/on/off in some case (the resolver matched it exactly).
            guard let first = bytes.first else { return nil }
            switch first | 0x20 {
            case UInt8(ascii: "y"), UInt8(ascii: "t"): return .bool(true)
            case UInt8(ascii: "n"), UInt8(ascii: "f"): return .bool(false)
            default: return bytes.count == 2 ? .bool(true) : .bool(false)  // on / off
            }
        case .int:
            if let integer = decimalInt(bytes) { return .int(integer) }
        case .float:
            if let double = decimalFloat(bytes) { return .float(double) }
        case .merge, .value, .yaml:
            // Refused as values, rewritten or merged as keys: the full path decides.
            return nil
        case .timestamp:
            break
        }
        let node = YAMLNode(
            tag: kind.tag, content: .scalar(String(decoding: bytes, as: UTF8.self)),
            mark: YAMLMark(line: 0, column: 0))
        return try? YAMLConstructor().construct(node)
    }

    /// `int(text)` for `[-+]?(0|[1-9][0-9]*)` of at most 18 digits; `nil` for any other int.
    private static func decimalInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        let digits = bytes.count - index
        guard digits >= 1, digits <= 18 else { return nil }
        if digits > 1 && bytes[index] == UInt8(ascii: "0") { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// `float(text)` for a resolved float written with digits, `.`, and a lowercase exponent only,
    /// computed as `construct_yaml_float` does (sign, then the unsigned text); `nil` for any other.
    private static func decimalFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var sign = 1.0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            if first == UInt8(ascii: "-") { sign = -1 }
            index = 1
        }
        let unsigned = UnsafeBufferPointer(rebasing: bytes[index...])
        // Up to 15 digits with a `.` and no exponent: mantissa and 10^k are exact doubles, so one
        // division is correctly rounded, the value strtod gives (the classic exact fast path).
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        var simple = true
        for byte in unsigned {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Only a mantissa of at most 15 digits is used, so it never exceeds 10^15.
                // checked: at most 15 digits, and byte is a digit
                if digits < 15 { mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0")) }
                digits += 1
                if sawPoint { fractionDigits += 1 }
            case UInt8(ascii: "."):
                if sawPoint { simple = false }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "-"), UInt8(ascii: "+"):
                simple = false
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if simple && digits <= 15 {
            var power = 1.0
            for _ in 0..<fractionDigits { power *= 10 }
            return sign * (Double(mantissa) / power)
        }
        guard let value = Double(String(decoding: unsigned, as: UTF8.self)) else { return nil }
        return sign * value
    }
}
