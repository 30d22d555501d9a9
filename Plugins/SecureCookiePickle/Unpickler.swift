import SecureCookie

/// Reads a pickle (protocols 0-5) into a ``PickleItem`` graph, in one pass over the bytes.
///
/// It implements every opcode of CPython 3.11's `Lib/pickle.py`, with the stack fenced at each
/// `MARK` as CPython does, but builds only allowlisted values: globals are looked up in
/// ``PickleGlobal`` roles and never imported or called. ``PickleResolver`` turns the result into
/// a ``PythonValue`` (decoding) or a structural tree (inspect mode).
internal struct Unpickler {
    struct Options {
        var python2Strings: PicklePython2Strings = .ascii
        var constructors: [String: PickleConstructor] = [:]
        /// Inspect mode: unknown globals become inert nodes instead of errors.
        var inspect = false
    }

    let options: Options
    let limits: SecureCookieLimits

    var stack: [PickleItem] = []
    /// Stack heights at each open `MARK`.
    var marks: [Int] = []
    /// The current mark's height: items below it are out of reach, as in CPython.
    var fence = 0
    /// The memo: dense for the indices picklers write (0, 1, 2...), sparse for anything else.
    var memo: [PickleItem?] = []
    var sparseMemo: [Int: PickleItem] = [:]
    var memoCount = 0
    /// The protocol the last `PROTO` opcode named (0 without one), as C `_pickle` keeps it.
    var protocolVersion = 0
    /// Every node made, so they can be torn down without recursion (cycles and deep chains).
    var nodes: [PickleNode] = []
    /// The bytes of strings, bytes and big-int digits made, and of every further reference a `GET`
    /// or `DUP` makes to one; ``PickleResolver`` and ``PickleInspector`` go on spending it on the
    /// further references to containers.
    var budget: MaterializationBudget

    init(options: Options, limits: SecureCookieLimits) {
        self.options = options
        self.limits = limits
        self.budget = MaterializationBudget(limits)
    }

    /// Spends the budget on one more reference to an item: what a str, bytes, big int or finished
    /// tuple holds (a container node is paid for when resolved, as each reference to it is).
    mutating func spend(onReference item: PickleItem) throws {
        switch item {
        case .value(let value): try budget.spend(on: value)
        case .python2String(let bytes): try budget.spend(bytes.count)
        case .node, .global, .timezone: break
        }
    }

    /// Breaks every reference between nodes; call when done with the result.
    func tearDown() {
        for node in nodes { node.clear() }
    }

    /// Reads the pickle up to `STOP` and returns the item it leaves.
    mutating func load(_ buffer: UnsafeBufferPointer<UInt8>) throws -> PickleItem {
        guard buffer.count <= limits.maximumValueBytes else {
            throw SecureCookieError.limitExceeded(
                .valueBytes, "a pickle of \(buffer.count) bytes exceeds \(limits.maximumValueBytes)")
        }
        guard var r = PickleReader(buffer) else {
            throw SecureCookieError.undecodable("an empty pickle (no STOP opcode)")
        }
        stack.reserveCapacity(16)
        while true {
            let op = try r.nextOpcode()
            if let scalar = try r.scalar(op) {
                let item: PickleItem
                switch scalar {
                case .value(let value): item = .value(value)
                case .python2String(let bytes): item = .python2String(bytes)
                }
                try spend(onReference: item)
                try push(item, r)
                continue
            }
            switch op {
            // Containers
            case PickleOpcode.tuple: try push(makeTuple(try popMark(r)), r)
            case PickleOpcode.tuple1:
                let a = try pop(r)
                try push(makeTuple([a]), r)
            case PickleOpcode.tuple2:
                let b = try pop(r)
                let a = try pop(r)
                try push(makeTuple([a, b]), r)
            case PickleOpcode.tuple3:
                let c = try pop(r)
                let b = try pop(r)
                let a = try pop(r)
                try push(makeTuple([a, b, c]), r)
            case PickleOpcode.emptyList: try push(.node(makeNode(.list)), r)
            case PickleOpcode.list: try push(.node(makeNode(.list, items: try popMark(r))), r)
            case PickleOpcode.emptyDict: try push(.node(makeNode(.dict)), r)
            case PickleOpcode.dict:
                let items = try popMark(r)
                guard items.count % 2 == 0 else { throw r.error("odd number of items for DICT") }
                try push(.node(makeNode(.dict, items: items)), r)
            case PickleOpcode.emptySet: try push(.node(makeNode(.set)), r)
            case PickleOpcode.frozenSet: try push(.node(makeNode(.frozenset, items: try popMark(r))), r)
            case PickleOpcode.append:
                let value = try pop(r)
                try extend(try top(r), with: [value], r)
            case PickleOpcode.appends:
                try extendFromMark(r, into: .list, objectDictItems: false)
            case PickleOpcode.setItem:
                let value = try pop(r)
                let key = try pop(r)
                try setItems(try top(r), [key, value], r)
            case PickleOpcode.setItems:
                guard let mark = marks.last, (stack.count - mark) % 2 == 0 else {
                    throw r.error(marks.isEmpty ? "could not find MARK" : "odd number of items for SETITEMS")
                }
                try extendFromMark(r, into: .dict, objectDictItems: true)
            case PickleOpcode.addItems:
                try extendFromMark(r, into: .set, objectDictItems: false)

            // Stack and memo
            case PickleOpcode.mark:
                guard marks.count < limits.maximumDepth else {
                    throw SecureCookieError.limitExceeded(
                        .depth, "more than \(limits.maximumDepth) open MARKs (at offset \(r.opcodeOffset))")
                }
                marks.append(stack.count)
                fence = stack.count
            case PickleOpcode.pop:
                if stack.count > fence { stack.removeLast() } else { _ = try popMark(r) }
            case PickleOpcode.popMark: _ = try popMark(r)
            case PickleOpcode.dup: try pushReference(try top(r), r)
            case PickleOpcode.get: try pushReference(try memoGet(try memoIndex(try r.line(), r), r), r)
            case PickleOpcode.binGet: try pushReference(try memoGet(Int(try r.byte()), r), r)  // checked: a byte widened
            // checked: a 32-bit length widened to 64-bit Int
            case PickleOpcode.longBinGet: try pushReference(try memoGet(Int(try r.unsigned(4)), r), r)
            case PickleOpcode.put: try memoPut(try memoIndex(try r.line(), r), r)
            case PickleOpcode.binPut: try memoPut(Int(try r.byte()), r)
            case PickleOpcode.longBinPut: try memoPut(Int(try r.unsigned(4)), r)
            case PickleOpcode.memoize: try memoPut(memoCount, r)

            // Framing and protocol
            case PickleOpcode.proto:
                let version = try r.byte()
                guard version <= 5 else { throw r.error("unsupported pickle protocol: \(version)") }
                protocolVersion = Int(version)  // checked: a byte widened
            case PickleOpcode.frame: try r.beginFrame(try r.unsigned(8))
            case PickleOpcode.stop:
                return try pop(r)

            // Globals and objects
            case PickleOpcode.global:
                let module = try PickleText.utf8(try r.line(), reader: r, what: "the module name")
                let name = try PickleText.utf8(try r.line(), reader: r, what: "the global name")
                try push(try lookUpGlobal(module: module, name: name, r), r)
            case PickleOpcode.stackGlobal:
                let name = try pop(r)
                let module = try pop(r)
                guard case .value(.str(let nameText)) = name, case .value(.str(let moduleText)) = module else {
                    throw r.error("STACK_GLOBAL requires str")
                }
                try push(try lookUpGlobal(module: moduleText, name: nameText, r), r)
            case PickleOpcode.reduce:
                let arguments = try pop(r)
                let callee = try pop(r)
                guard let items = arguments.tupleItems else {
                    throw r.error("REDUCE argument must be a tuple, not \(arguments.typeName)")
                }
                try push(try call(callee, .reduce, items, keywords: nil, r), r)
            case PickleOpcode.newObj:
                let arguments = try pop(r)
                let callee = try pop(r)
                guard let items = arguments.tupleItems else { throw r.error("NEWOBJ expected an arg tuple") }
                try push(try call(callee, .newObject, items, keywords: nil, r), r)
            case PickleOpcode.newObjEx:
                let keywords = try pop(r)
                let arguments = try pop(r)
                let callee = try pop(r)
                guard let items = arguments.tupleItems else { throw r.error("NEWOBJ_EX args argument must be a tuple") }
                guard case .node(let node) = keywords, node.kind == .dict else {
                    throw r.error("NEWOBJ_EX kwargs argument must be a dict, not \(keywords.typeName)")
                }
                try push(try call(callee, .newObjectWithKeywords, items, keywords: keywords, r), r)
            case PickleOpcode.inst:
                let module = try PickleText.utf8(try r.line(), reader: r, what: "the module name")
                let name = try PickleText.utf8(try r.line(), reader: r, what: "the class name")
                let callee = try lookUpGlobal(module: module, name: name, r)
                let arguments = try popMark(r)
                try push(try call(callee, .instance, arguments, keywords: nil, r), r)
            case PickleOpcode.obj:
                var arguments = try popMark(r)
                guard !arguments.isEmpty else { throw r.error("OBJ needs a class after the MARK") }
                let callee = arguments.removeFirst()
                try push(try call(callee, .instance, arguments, keywords: nil, r), r)
            case PickleOpcode.build:
                let state = try pop(r)
                try build(try top(r), state: state, r)

            // Refused outright
            case PickleOpcode.persID:
                _ = try r.line()
                throw SecureCookieError.refused("persistent id", "PERSID at offset \(r.opcodeOffset): the codec has no persistent_load")
            case PickleOpcode.binPersID:
                _ = try pop(r)
                throw SecureCookieError.refused("persistent id", "BINPERSID at offset \(r.opcodeOffset): the codec has no persistent_load")
            case PickleOpcode.ext1, PickleOpcode.ext2, PickleOpcode.ext4:
                let code = try r.unsigned(op == PickleOpcode.ext1 ? 1 : op == PickleOpcode.ext2 ? 2 : 4)
                throw SecureCookieError.refused(
                    "extension code \(code)",
                    "\(PickleOpcode.name(op)) at offset \(r.opcodeOffset): the copyreg extension registry is not consulted")
            case PickleOpcode.nextBuffer, PickleOpcode.readonlyBuffer:
                throw SecureCookieError.refused(
                    "out-of-band buffer", "\(PickleOpcode.name(op)) at offset \(r.opcodeOffset): no buffers are given to loads")
            default:
                throw SecureCookieError.undecodable("unknown opcode 0x\(String(op, radix: 16)) at offset \(r.opcodeOffset)")
            }
        }
    }

    // MARK: Stack

    @inline(__always) mutating func push(_ item: PickleItem, _ r: PickleReader) throws {
        guard stack.count < limits.maximumNodes else {
            throw SecureCookieError.limitExceeded(
                .stack, "more than \(limits.maximumNodes) stack entries (at offset \(r.opcodeOffset))")
        }
        stack.append(item)
    }

    /// Pushes one more reference to an item (`GET`, `DUP`), spending the budget on it first.
    mutating func pushReference(_ item: PickleItem, _ r: PickleReader) throws {
        try spend(onReference: item)
        try push(item, r)
    }

    @inline(__always) mutating func pop(_ r: PickleReader) throws -> PickleItem {
        guard stack.count > fence else {
            throw r.error(!marks.isEmpty ? "unexpected MARK found" : "unpickling stack underflow")
        }
        return stack.removeLast()
    }

    @inline(__always) func top(_ r: PickleReader) throws -> PickleItem {
        guard stack.count > fence else {
            throw r.error(!marks.isEmpty ? "unexpected MARK found" : "unpickling stack underflow")
        }
        return stack[stack.count - 1]
    }

    /// `APPENDS`, `SETITEMS`, `ADDITEMS`: moves the items above the last `MARK` into the node below
    /// it, without an intermediate array.
    mutating func extendFromMark(_ r: PickleReader, into kind: PickleNode.Kind, objectDictItems: Bool) throws {
        guard let mark = marks.popLast() else { throw r.error("could not find MARK") }
        fence = marks.last ?? 0
        guard mark > fence else {
            throw r.error(!marks.isEmpty ? "unexpected MARK found" : "unpickling stack underflow")
        }
        let target = stack[mark - 1]
        guard case .node(let node) = target, node.kind == kind || node.kind == .object else {
            throw r.error("cannot \(PickleOpcode.name(r.opcode)) to a \(target.typeName)")
        }
        if node.kind == kind {
            node.items.append(contentsOf: stack[mark...])
        } else if objectDictItems {
            node.object?.dictItems.append(contentsOf: stack[mark...])
        } else {
            node.object?.listItems.append(contentsOf: stack[mark...])
        }
        stack.removeSubrange(mark...)
    }

    /// The items above the last `MARK`, removing them and the mark.
    mutating func popMark(_ r: PickleReader) throws -> [PickleItem] {
        guard let mark = marks.popLast() else { throw r.error("could not find MARK") }
        let items = Array(stack[mark...])
        stack.removeSubrange(mark...)
        fence = marks.last ?? 0
        return items
    }

    // MARK: Memo

    func memoIndex(_ line: UnsafeBufferPointer<UInt8>, _ r: PickleReader) throws -> Int {
        guard let index = try PickleNumberText.memoIndex(line, reader: r) else {
            throw r.error("negative or too large \(PickleOpcode.name(r.opcode)) argument")
        }
        return index
    }

    func memoGet(_ index: Int, _ r: PickleReader) throws -> PickleItem {
        if index < memo.count, let item = memo[index] { return item }
        if let item = sparseMemo[index] { return item }
        throw r.error("memo value not found at index \(index)")
    }

    mutating func memoPut(_ index: Int, _ r: PickleReader) throws {
        let item = try top(r)
        // The memo is a dictionary past its dense part, so a large index costs one entry; but an
        // index past Int32.max is what CPython's 32-bit builds refuse as negative (LONG_BINPUT
        // 0xFFFFFFFF, which a 64-bit CPython would try to grow a 4-billion-entry memo for).
        guard index <= Int(Int32.max) else {
            throw SecureCookieError.limitExceeded(
                .memo,
                "memo index \(index) is past \(Int32.max) "
                    + "(\(PickleOpcode.name(r.opcode)) at offset \(r.opcodeOffset))")
        }
        if index < memo.count {
            if memo[index] == nil { try countMemoEntry(r) }
            memo[index] = item
        } else if index == memo.count, sparseMemo.isEmpty || sparseMemo[index] == nil {
            try countMemoEntry(r)
            memo.append(item)
        } else {
            if sparseMemo.updateValue(item, forKey: index) == nil { try countMemoEntry(r) }
        }
    }

    private mutating func countMemoEntry(_ r: PickleReader) throws {
        guard memoCount < limits.maximumNodes else {
            throw SecureCookieError.limitExceeded(
                .memo, "more than \(limits.maximumNodes) memo entries (at offset \(r.opcodeOffset))")
        }
        memoCount += 1
    }

    // MARK: Values

    mutating func makeNode(_ kind: PickleNode.Kind, items: [PickleItem] = []) -> PickleNode {
        let node = PickleNode(kind, items: items)
        nodes.append(node)
        return node
    }

    mutating func makeObject(_ parts: PickleObjectParts) -> PickleNode {
        let node = PickleNode(object: parts)
        nodes.append(node)
        return node
    }

    /// A tuple: a finished value when it holds only scalars, otherwise a node (its items may still change).
    mutating func makeTuple(_ items: [PickleItem]) -> PickleItem {
        var values: [PythonValue] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard case .value(let value) = item else { return .node(makeNode(.tuple, items: items)) }
            switch value {
            case .list, .tuple, .dict, .set, .frozenset: return .node(makeNode(.tuple, items: items))
            default: values.append(value)
            }
        }
        return .value(.tuple(values))
    }

    func extend(_ target: PickleItem, with items: [PickleItem], _ r: PickleReader) throws {
        guard case .node(let node) = target else { throw r.error("cannot append to a \(target.typeName)") }
        switch node.kind {
        case .list: node.items.append(contentsOf: items)
        case .object: node.object?.listItems.append(contentsOf: items)
        default: throw r.error("cannot append to a \(node.typeName)")
        }
    }

    func setItems(_ target: PickleItem, _ items: [PickleItem], _ r: PickleReader) throws {
        guard case .node(let node) = target else { throw r.error("cannot set items on a \(target.typeName)") }
        switch node.kind {
        case .dict: node.items.append(contentsOf: items)
        case .object: node.object?.dictItems.append(contentsOf: items)
        default: throw r.error("cannot set items on a \(node.typeName)")
        }
    }
}
