import SecureCookie
import SecureCookieJSON

/// Shows a pickle's item graph as one line of tagged JSON without building anything dangerous.
///
/// Plain parts are written by ``TaggedJSON/encode(_:)``. Objects built from globals the codec would
/// refuse become `{"$object": {"class", "how", "args", "kwargs", "state", "listitems", "dictitems"}}`,
/// bare globals `{"$global": "mod.name"}`, and a container that contains itself `{"$cycle": k}`
/// (`k` levels up), as `conformance/README.md` defines them. Nothing is resolved or called.
internal struct PickleInspector {
    /// A rendered item: still a plain value (so its container can stay plain), or JSON text.
    enum Rendered {
        case value(PythonValue)
        case json(String)

        var text: String {
            get throws {
                switch self {
                case .value(let value): return try TaggedJSON.encode(value)
                case .json(let text): return text
                }
            }
        }
    }

    let python2Strings: PicklePython2Strings
    let limits: SecureCookieLimits
    private var budget: PickleNodeBudget
    private var path: [ObjectIdentifier] = []
    /// The unpickler's materialization budget (which paid for every str, bytes and big int made
    /// and every `GET` of one): spent again on everything under a container shown a second time.
    private var bytes: MaterializationBudget
    /// The containers shown so far.
    private var shown: Set<ObjectIdentifier> = []
    /// How many containers being shown again enclose the item being rendered.
    private var again = 0

    init(python2Strings: PicklePython2Strings, limits: SecureCookieLimits, budget bytes: MaterializationBudget) {
        self.python2Strings = python2Strings
        self.limits = limits
        self.budget = PickleNodeBudget(limits, verb: " shows")
        self.bytes = bytes
    }

    private mutating func count(_ n: Int) throws { try budget.spend(n) }

    mutating func render(_ item: PickleItem) throws -> Rendered {
        switch item {
        case .value(let value):
            try count(value.nodeCount)
            if again > 0 { try bytes.spend(on: value) }
            return .value(value)
        case .python2String(let raw):
            try count(1)
            if again > 0 { try bytes.spend(raw.count) }
            return .value((try? python2Strings.decode(raw)) ?? .bytes(raw))
        case .global(let global):
            try count(1)
            // The name is written at every reference (the unpickler paid for it once): spent each time.
            try bytes.spend(global.name.utf8.count)
            return .json("{\"$global\": " + (try TaggedJSON.encode(.str(global.name))) + "}")
        case .timezone(let offset):
            try count(2)
            return .json(
                "{\"$object\": {\"class\": \"datetime.timezone\", \"how\": \"reduce\", \"args\": ["
                    + (try TaggedJSON.encode(.timedelta(offset))) + "]}}")
        case .node(let node):
            return try render(node)
        }
    }

    private mutating func render(_ node: PickleNode) throws -> Rendered {
        let id = ObjectIdentifier(node)
        if node.visiting, let index = path.lastIndex(of: id) {
            try count(1)
            return .json("{\"$cycle\": \(path.count - index)}")
        }
        guard path.count < limits.maximumDepth else {
            throw SecureCookieError.limitExceeded(.depth, "the pickle nests more than \(limits.maximumDepth) levels")
        }
        try count(1)
        let isAgain = !shown.insert(id).inserted
        if isAgain { again += 1 }
        node.visiting = true
        path.append(id)
        defer {
            path.removeLast()
            node.visiting = false
            if isAgain { again -= 1 }
        }
        switch node.kind {
        case .list, .tuple, .set, .frozenset:
            let items = try node.items.map { try render($0) }
            let values = items.compactMap { if case .value(let value) = $0 { return value } else { return nil } }
            if values.count == items.count {
                switch node.kind {
                case .list: return .value(.list(values))
                case .tuple: return .value(.tuple(values))
                default:
                    if values.allSatisfy(\.isHashable) {
                        return .value(node.kind == .set ? .set(PythonSet(values)) : .frozenset(PythonSet(values)))
                    }
                }
            }
            let array = "[" + (try items.map { try $0.text }).joined(separator: ", ") + "]"
            switch node.kind {
            case .list: return .json(array)
            case .tuple: return .json("{\"$tuple\": \(array)}")
            case .set: return .json("{\"$set\": \(array)}")
            default: return .json("{\"$frozenset\": \(array)}")
            }
        case .dict:
            return try renderDict(node.items)
        case .object:
            guard let parts = node.object else { return .json("null") }
            // The class name (up to a few KB from a GLOBAL) is written every time the object is shown.
            try bytes.spend(parts.name.utf8.count)
            var fields = try [
                "\"class\": " + TaggedJSON.encode(.str(parts.name)), "\"how\": " + TaggedJSON.encode(.str(parts.how.rawValue)),
            ]
            if !parts.arguments.isEmpty {
                fields.append("\"args\": [" + (try parts.arguments.map { try render($0).text }).joined(separator: ", ") + "]")
            }
            if let keywords = parts.keywordArguments {
                if case .node(let dict) = keywords, dict.kind == .dict, dict.items.isEmpty {
                } else {
                    fields.append("\"kwargs\": " + (try render(keywords).text))
                }
            }
            if let state = parts.state { fields.append("\"state\": " + (try render(state).text)) }
            if !parts.listItems.isEmpty {
                fields.append("\"listitems\": [" + (try parts.listItems.map { try render($0).text }).joined(separator: ", ") + "]")
            }
            if !parts.dictItems.isEmpty {
                var pairs: [String] = []
                var index = 0
                while index + 1 < parts.dictItems.count {
                    pairs.append(
                        "[" + (try render(parts.dictItems[index]).text) + ", "
                            + (try render(parts.dictItems[index + 1]).text) + "]")
                    index += 2
                }
                fields.append("\"dictitems\": [" + pairs.joined(separator: ", ") + "]")
            }
            return .json("{\"$object\": {" + fields.joined(separator: ", ") + "}}")
        }
    }

    private mutating func renderDict(_ items: [PickleItem]) throws -> Rendered {
        var pairs: [(Rendered, Rendered)] = []
        var index = 0
        while index + 1 < items.count {
            pairs.append((try render(items[index]), try render(items[index + 1])))
            index += 2
        }
        var plain = PythonDict()
        var isPlain = true
        for (key, value) in pairs {
            guard case .value(let k) = key, k.isHashable, case .value(let v) = value else {
                isPlain = false
                break
            }
            plain[k] = v
        }
        if isPlain { return .value(.dict(plain)) }
        let stringKeys = pairs.allSatisfy { key, _ in
            if case .value(.str(let text)) = key { return !text.hasPrefix("$") }
            return false
        }
        if stringKeys {
            return .json("{" + (try pairs.map { try $0.0.text + ": " + $0.1.text }).joined(separator: ", ") + "}")
        }
        return .json("{\"$dict\": [" + (try pairs.map { try "[" + $0.0.text + ", " + $0.1.text + "]" }).joined(separator: ", ") + "]}")
    }
}
