import SecureCookie

/// Reads the pickles sessions are made of — plain data: scalars, lists, tuples, dicts, sets,
/// strings shared through the memo — straight into a ``PythonValue``, in one pass.
///
/// This is a fast path, not a second set of rules. Whenever a pickle does anything else (names a
/// global, `BUILD`, `DUP`, `GET` of a container or of an index it never saw, a memo index past
/// the dense part, comes near a limit) or anything goes wrong at all, it gives up and the general
/// ``Unpickler`` and ``PickleResolver`` read the pickle from its first byte. So every error and
/// every refusal comes from the general path, and this one only returns values the general path
/// returns too: `PlainUnpicklerTests` compares the two on every pickle fixture, and the
/// `FuzzPickle` target on every input it makes.
///
/// Containers are built in place on the stack and values are moved, not copied, into them. A
/// container is never shared (a `GET` of one gives up), so building in place is exactly Python's
/// semantics here.
internal struct PlainUnpickler {
    private struct Slot {
        var value: PythonValue
        /// How many containers nest in the value, itself included (0 for a scalar), as
        /// ``PickleResolver`` counts depth.
        var height: Int
    }

    /// Why this path gave up; never seen outside ``load(_:python2Strings:limits:)``.
    private struct Unsupported: Error {}

    private let python2Strings: PicklePython2Strings
    private let limits: SecureCookieLimits
    private var stack: [Slot] = []
    /// Stack heights at each open `MARK`.
    private var marks: [Int] = []
    /// The current mark's height: items below it are out of reach.
    private var fence = 0
    /// The memo: for each index, the offset of the scalar opcode that made the value (a `GET`
    /// reads it again, so the memo holds no values), or -1 for a container, which this path does
    /// not share.
    private var memo: [Int] = []
    /// The offset of the scalar opcode that made the value on top of the stack, -1 for anything else.
    private var topSource = -1
    /// Every value made, counted as the resolver counts nodes (at least as many).
    private var nodes = 0

    private init(python2Strings: PicklePython2Strings, limits: SecureCookieLimits) {
        self.python2Strings = python2Strings
        self.limits = limits
    }

    /// The value of a plain pickle, or `nil` when the general path must read it.
    ///
    /// - Parameters:
    ///   - buffer: The pickle.
    ///   - python2Strings: How Python 2 `str` values are read.
    ///   - limits: The bounds; this path gives up before reaching any of them.
    /// - Returns: The value, equal to what the general path returns, or `nil`.
    static func load(
        _ buffer: UnsafeBufferPointer<UInt8>, python2Strings: PicklePython2Strings, limits: SecureCookieLimits
    ) -> PythonValue? {
        var unpickler = PlainUnpickler(python2Strings: python2Strings, limits: limits)
        return try? unpickler.run(buffer)
    }

    private mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) throws -> PythonValue {
        guard buffer.count <= limits.maximumValueBytes, var r = PickleReader(buffer) else { throw Unsupported() }
        stack.reserveCapacity(16)
        memo.reserveCapacity(32)
        while true {
            let op = try r.nextOpcode()
            if let scalar = try r.scalar(op) {
                try push(scalar, op)
                topSource = op == PickleOpcode.emptyTuple ? -1 : r.opcodeOffset
                continue
            }
            switch op {
            case PickleOpcode.binPut: try memoPut(Int(try r.byte()))
            case PickleOpcode.longBinPut: try memoPut(Int(try r.unsigned(4)))
            case PickleOpcode.memoize: try memoPut(memo.count)
            case PickleOpcode.put: try memoPut(try memoIndex(try r.line(), r))
            case PickleOpcode.binGet: try memoGet(Int(try r.byte()), r)
            case PickleOpcode.longBinGet: try memoGet(Int(try r.unsigned(4)), r)
            case PickleOpcode.get: try memoGet(try memoIndex(try r.line(), r), r)
            default:
                topSource = -1
                try structural(op, &r)
            }
            if op == PickleOpcode.stop, let result = stack.popLast() { return result.value }
        }
    }

    /// Every opcode but the scalars and the memo's.
    private mutating func structural(_ op: UInt8, _ r: inout PickleReader) throws {
        switch op {
        case PickleOpcode.proto:
            guard try r.byte() <= 5 else { throw Unsupported() }
        case PickleOpcode.frame:
            try r.beginFrame(try r.unsigned(8))
        case PickleOpcode.stop:
            guard stack.count > fence else { throw Unsupported() }

        case PickleOpcode.mark:
            guard marks.count < limits.maximumDepth else { throw Unsupported() }
            marks.append(stack.count)
            fence = stack.count
        case PickleOpcode.pop:
            if stack.count > fence { stack.removeLast() } else { try discardToMark() }
        case PickleOpcode.popMark:
            try discardToMark()

        case PickleOpcode.emptyList: try push(.list([]), height: 1)
        case PickleOpcode.emptyDict: try push(.dict(PythonDict()), height: 1)
        case PickleOpcode.emptySet: try push(.set(PythonSet()), height: 1)
        case PickleOpcode.tuple:
            let start = try popMark()
            try pushContainer(from: start) { .tuple($0) }
        case PickleOpcode.tuple1, PickleOpcode.tuple2, PickleOpcode.tuple3:
            let count = Int(op - PickleOpcode.tuple1) + 1
            guard stack.count - fence >= count else { throw Unsupported() }
            try pushContainer(from: stack.count - count) { .tuple($0) }
        case PickleOpcode.list:
            let start = try popMark()
            try pushContainer(from: start) { .list($0) }
        case PickleOpcode.frozenSet:
            let start = try popMark()
            try pushSet(from: start)
        case PickleOpcode.dict:
            let start = try popMark()
            try push(.dict(PythonDict()), height: 1, at: start)
            try setItems(from: start + 1)

        case PickleOpcode.append:
            guard stack.count - fence >= 2 else { throw Unsupported() }
            try appendItems(from: stack.count - 1)
        case PickleOpcode.appends:
            try appendItems(from: try popMark())
        case PickleOpcode.setItem:
            guard stack.count - fence >= 3 else { throw Unsupported() }
            try setItems(from: stack.count - 2)
        case PickleOpcode.setItems:
            try setItems(from: try popMark())
        case PickleOpcode.addItems:
            try addItems(from: try popMark())

        default:
            throw Unsupported()
        }
    }

    // MARK: Stack

    @inline(__always) private mutating func push(_ scalar: PickleScalar, _ op: UInt8) throws {
        switch scalar {
        case .value(let value): try push(value, height: op == PickleOpcode.emptyTuple ? 1 : 0)
        case .python2String(let bytes): try push(try python2Strings.decode(bytes), height: 0)
        }
    }

    @inline(__always) private mutating func push(_ value: PythonValue, height: Int) throws {
        nodes += 1
        guard nodes <= limits.maximumNodes, stack.count < limits.maximumNodes else { throw Unsupported() }
        stack.append(Slot(value: value, height: height))
    }

    /// Pushes a new container in place of the items from `start` on (which the caller consumes after).
    @inline(__always) private mutating func push(_ value: PythonValue, height: Int, at start: Int) throws {
        nodes += 1
        guard nodes <= limits.maximumNodes else { throw Unsupported() }
        stack.insert(Slot(value: value, height: height), at: start)
    }

    @inline(__always) private mutating func pop() throws -> Slot {
        guard stack.count > fence else { throw Unsupported() }
        return stack.removeLast()
    }

    /// Closes the last `MARK` and returns where its items start.
    @inline(__always) private mutating func popMark() throws -> Int {
        guard let mark = marks.popLast() else { throw Unsupported() }
        fence = marks.last ?? 0
        return mark
    }

    private mutating func discardToMark() throws {
        stack.removeSubrange(try popMark()...)
    }

    /// Moves the values from `start` to the top out of the stack (which ends at `start`), one by
    /// one into `body`, and returns their greatest height.
    @inline(__always) private mutating func moveValues(
        from start: Int, _ body: (PythonValue) throws -> Void
    ) rethrows -> Int {
        var height = 0
        let end = stack.count
        try stack.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in start..<end {
                let slot = (base + i).move()
                (base + i).initialize(to: Slot(value: .none, height: 0))
                if slot.height > height { height = slot.height }
                try body(slot.value)
            }
        }
        stack.removeSubrange(start...)
        return height
    }

    /// Takes the container at `position` out of the stack (leaving `None`), so that changing it
    /// does not copy it.
    @inline(__always) private mutating func takeContainer(at position: Int) -> Slot {
        var slot = Slot(value: .none, height: 0)
        swap(&slot, &stack[position])
        return slot
    }

    private mutating func checkedHeight(_ itemsHeight: Int, _ containerHeight: Int) throws -> Int {
        let height = max(containerHeight, itemsHeight + 1)
        guard height <= limits.maximumDepth else { throw Unsupported() }
        return height
    }

    private mutating func pushContainer(from start: Int, _ make: ([PythonValue]) -> PythonValue) throws {
        var items: [PythonValue] = []
        items.reserveCapacity(stack.count - start)
        let itemsHeight = moveValues(from: start) { items.append($0) }
        try push(make(items), height: try checkedHeight(itemsHeight, 1))
    }

    private mutating func pushSet(from start: Int) throws {
        var set = PythonSet()
        let itemsHeight = try moveValues(from: start) { element in
            guard element.isHashable else { throw Unsupported() }
            set.insert(element)
        }
        try push(.frozenset(set), height: try checkedHeight(itemsHeight, 1))
    }

    /// `APPEND`, `APPENDS`: the items from `start` on go into the list just below them.
    private mutating func appendItems(from start: Int) throws {
        guard start > fence else { throw Unsupported() }
        var target = takeContainer(at: start - 1)
        guard case .list(var items) = target.value else { throw Unsupported() }
        target.value = .none
        items.reserveCapacity(items.count + stack.count - start)
        let itemsHeight = moveValues(from: start) { items.append($0) }
        target.height = try checkedHeight(itemsHeight, target.height)
        target.value = .list(items)
        stack[start - 1] = target
    }

    /// `SETITEM`, `SETITEMS`, `DICT`: the keys and values from `start` on go into the dict just below them.
    private mutating func setItems(from start: Int) throws {
        let end = stack.count
        guard start > fence, (end - start) % 2 == 0 else { throw Unsupported() }
        var target = takeContainer(at: start - 1)
        guard case .dict(var dict) = target.value else { throw Unsupported() }
        target.value = .none
        dict.reserveCapacity(dict.count + (end - start) / 2)
        var itemsHeight = 0
        try stack.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for position in stride(from: start, to: end, by: 2) {
                guard base[position].value.isHashable else { throw Unsupported() }
                let key = (base + position).move()
                (base + position).initialize(to: Slot(value: .none, height: 0))
                let value = (base + position + 1).move()
                (base + position + 1).initialize(to: Slot(value: .none, height: 0))
                itemsHeight = max(itemsHeight, key.height, value.height)
                dict[key.value] = value.value
            }
        }
        stack.removeSubrange(start...)
        target.height = try checkedHeight(itemsHeight, target.height)
        target.value = .dict(dict)
        stack[start - 1] = target
    }

    /// `ADDITEMS`: the items from `start` on go into the set just below them.
    private mutating func addItems(from start: Int) throws {
        guard start > fence else { throw Unsupported() }
        var target = takeContainer(at: start - 1)
        guard case .set(var set) = target.value else { throw Unsupported() }
        target.value = .none
        let itemsHeight = try moveValues(from: start) { element in
            guard element.isHashable else { throw Unsupported() }
            set.insert(element)
        }
        target.height = try checkedHeight(itemsHeight, target.height)
        target.value = .set(set)
        stack[start - 1] = target
    }

    // MARK: Memo

    private func memoIndex(_ line: UnsafeBufferPointer<UInt8>, _ r: PickleReader) throws -> Int {
        guard case .int(let index) = try PickleText.integer(line, reader: r), index >= 0 else { throw Unsupported() }
        return index
    }

    /// Remembers where the scalar on top of the stack came from; a container only as "not shared here".
    private mutating func memoPut(_ index: Int) throws {
        guard stack.count > fence, index <= memo.count, memo.count < limits.maximumNodes else { throw Unsupported() }
        let entry = stack[stack.count - 1].height == 0 ? topSource : -1
        if index == memo.count { memo.append(entry) } else { memo[index] = entry }
    }

    /// Pushes a memoized scalar by reading its opcode again (its bytes were checked the first time).
    private mutating func memoGet(_ index: Int, _ r: PickleReader) throws {
        guard index < memo.count, memo[index] >= 0 else { throw Unsupported() }
        var again = r.rereading(at: memo[index])
        let op = try again.nextOpcode()
        guard let scalar = try again.scalar(op) else { throw Unsupported() }
        try push(scalar, op)
        topSource = memo[index]
    }
}
