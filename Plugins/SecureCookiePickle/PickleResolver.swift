import SecureCookie

/// Turns the unpickler's item graph into a ``PythonValue``, once the whole pickle has been read.
///
/// Shared references are followed and counted once per place they appear, so a pickle of 60
/// nested `[x, x]` levels stops at ``SecureCookieLimits/maximumNodes`` after that many steps, not
/// 2^60. A container that contains itself is refused. Registered constructors are called here,
/// with their arguments and state already resolved.
internal struct PickleResolver {
    let python2Strings: PicklePython2Strings
    let limits: SecureCookieLimits
    private var budget: PickleNodeBudget
    /// The unpickler's materialization budget, which paid for every str, bytes and big int made and
    /// every `GET` of one; this goes on spending it on each further reference to a container.
    private var bytes: MaterializationBudget
    /// The deepest level reached so far, for the heights of cached nodes.
    private var deepest = 0

    init(python2Strings: PicklePython2Strings, limits: SecureCookieLimits, budget bytes: MaterializationBudget) {
        self.python2Strings = python2Strings
        self.limits = limits
        self.budget = PickleNodeBudget(limits, verb: "'s value has")
        self.bytes = bytes
    }

    private mutating func count(_ n: Int) throws { try budget.spend(n) }

    private mutating func enter(_ depth: Int) throws {
        if depth > deepest { deepest = depth }
        guard depth <= limits.maximumDepth else {
            throw SecureCookieError.limitExceeded(.depth, "the pickle's value nests more than \(limits.maximumDepth) levels")
        }
    }

    /// The value of an item. `depth` is the number of containers around it.
    mutating func value(_ item: PickleItem, depth: Int = 0) throws -> PythonValue {
        switch item {
        case .value(let value):
            try measure(value, depth: depth)
            return value
        case .python2String(let bytes):
            try count(1)
            return try python2Strings.decode(bytes)
        case .node(let node):
            return try value(of: node, depth: depth)
        case .global(let global):
            if case .registered(let constructor) = global.role {
                try count(1)
                let result = try invoke(constructor, PickleConstructor.Call(name: global.name, how: .reference))
                try measure(result, depth: depth, counted: true)
                try bytes.spend(on: result)
                return result
            }
            throw SecureCookieError.refused(
                "global \(PickleAllowlist.shownName(global.name))", "a reference to a global is not a value (it was never called)")
        case .timezone:
            throw SecureCookieError.refused(
                "global datetime.timezone", "a timezone is read only as the tzinfo of a datetime or time")
        }
    }

    private mutating func value(of node: PickleNode, depth: Int) throws -> PythonValue {
        if let resolved = node.resolved {
            try enter(depth + resolved.height)
            try count(resolved.count)
            // Each further reference materializes the container again: its walk visits at most the
            // nodes just counted, and it fails before any key of it is hashed once more.
            try bytes.spend(on: resolved.value)
            return resolved.value
        }
        try enter(depth + 1)
        guard !node.visiting else {
            throw SecureCookieError.refused("recursive value", "a \(node.typeName) contains itself, which a value cannot")
        }
        let nodesBefore = budget.left
        let deepestBefore = deepest
        deepest = depth + 1
        try count(1)
        node.visiting = true
        defer { node.visiting = false }
        let result = try build(node, depth: depth)
        node.resolved = (result, nodesBefore - budget.left, deepest - depth)
        deepest = max(deepest, deepestBefore)
        return result
    }

    /// The elements of a container node, taken out of it (the node keeps its built value instead).
    private func takeItems(_ node: PickleNode) -> [PickleItem] {
        var items: [PickleItem] = []
        swap(&items, &node.items)
        items.reverse()
        return items
    }

    private mutating func build(_ node: PickleNode, depth: Int) throws -> PythonValue {
        let inner = depth + 1
        switch node.kind {
        case .list, .tuple:
            var items = takeItems(node)
            var values: [PythonValue] = []
            values.reserveCapacity(items.count)
            while let item = items.popLast() { values.append(try value(item, depth: inner)) }
            return node.kind == .list ? .list(values) : .tuple(values)
        case .set, .frozenset:
            var items = takeItems(node)
            var set = PythonSet()
            while let item = items.popLast() {
                let element = try value(item, depth: inner)
                guard element.isHashable else {
                    throw SecureCookieError.undecodable("unhashable type: '\(element.typeName)' in a \(node.typeName)")
                }
                set.insert(element)
            }
            return node.kind == .set ? .set(set) : .frozenset(set)
        case .dict:
            var items = takeItems(node)
            var dict = PythonDict()
            dict.reserveCapacity(items.count / 2)
            while let keyItem = items.popLast(), let valueItem = items.popLast() {
                let key = try value(keyItem, depth: inner)
                guard key.isHashable else {
                    throw SecureCookieError.undecodable("unhashable type: '\(key.typeName)' as a dict key")
                }
                dict[key] = try value(valueItem, depth: inner)
            }
            return .dict(dict)
        case .object:
            guard let parts = node.object, let constructor = parts.constructor else {
                throw SecureCookieError.refused(
                    "global \(PickleAllowlist.shownName(node.object?.name ?? "?"))", "not in the pickle codec's allowlist")
            }
            var call = PickleConstructor.Call(name: parts.name, how: parts.how)
            call.arguments = try parts.arguments.map { try value($0, depth: inner) }
            if let keywords = parts.keywordArguments, case .dict(let dict) = try value(keywords, depth: inner) {
                call.keywordArguments = dict
            }
            call.state = try parts.state.map { try value($0, depth: inner) }
            call.listItems = try parts.listItems.map { try value($0, depth: inner) }
            call.dictItems = try parts.dictItems.map { try value($0, depth: inner) }
            let result = try invoke(constructor, call)
            try measure(result, depth: depth, counted: true)
            try bytes.spend(on: result)
            return result
        }
    }

    private func invoke(_ constructor: PickleConstructor, _ call: PickleConstructor.Call) throws -> PythonValue {
        do {
            return try constructor.build(call)
        } catch let error as SecureCookieError {
            throw error
        } catch {
            throw SecureCookieError.refused("global \(call.name)", "its registered constructor failed: \(error)")
        }
    }

    /// Counts a finished value's nodes and checks its depth, without recursing past the limits.
    private mutating func measure(_ value: PythonValue, depth: Int, counted: Bool = false) throws {
        if !counted { try count(1) }
        switch value {
        case .list(let items), .tuple(let items):
            try enter(depth + 1)
            for item in items { try measure(item, depth: depth + 1) }
        case .set(let set), .frozenset(let set):
            try enter(depth + 1)
            for item in set { try measure(item, depth: depth + 1) }
        case .dict(let dict):
            try enter(depth + 1)
            for (key, item) in dict {
                try measure(key, depth: depth + 1)
                try measure(item, depth: depth + 1)
            }
        default:
            break
        }
    }
}
