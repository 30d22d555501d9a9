import SecureCookie

/// ``PlainUnpickler``'s stack, containers and memo. Each operation checks everything that can make
/// it give up first, then moves values, which cannot fail.
extension PlainUnpickler {
    // MARK: Stack

    /// Pushes a value made here, counting it as a node.
    ///
    /// The stack never holds more entries than there are nodes (each entry was made here, and
    /// collapsing entries into a container only lowers their number), so keeping `nodes` within
    /// the limit keeps the stack below it too, as the general path's stack check requires.
    @inline(__always) mutating func push(_ value: consuming PythonValue, height: Int32) throws {
        nodes += 1
        guard nodes <= limits.maximumNodes else { throw Unsupported() }
        stack.append(Slot(value: value, height: height))
    }

    /// Closes the last `MARK` and returns where its items start.
    @inline(__always) mutating func popMark() throws -> Int {
        guard marks.count > 0 else { throw Unsupported() }
        marks.count -= 1
        fence = marks.count > 0 ? marks[marks.count - 1] : 0
        return marks[marks.count]
    }

    /// Destroys the stack entries from `start` on.
    @inline(__always) mutating func discard(from start: Int) {
        stack.removeSuffix(from: start)
    }

    /// The height of a container holding the entries from `start` on and whose own height is
    /// `containerHeight`, once checked against the depth limit.
    @inline(__always) func checkedHeight(from start: Int, _ containerHeight: Int32) throws -> Int32 {
        var itemsHeight: Int32 = 0
        for i in start..<stack.count where stack[i].height > itemsHeight { itemsHeight = stack[i].height }
        guard itemsHeight < Int32.max else { throw Unsupported() }
        let height = Swift.max(containerHeight, itemsHeight + 1)
        guard Int(height) <= limits.maximumDepth else { throw Unsupported() }
        return height
    }

    /// Checks that every entry from `start` on (every other one, with `stride` 2) can be a dict key or set element.
    @inline(__always) func checkHashable(from start: Int, by stride: Int) throws {
        var i = start
        while i < stack.count {
            // A str is always hashable, and nearly every key is one.
            if case .str = stack.base[i].value {} else if !stack.base[i].value.isHashable { throw Unsupported() }
            i += stride
        }
    }

    /// Moves the value out of stack entry `i`, which the caller then drops or fills again.
    @inline(__always) func takeValue(_ i: Int) -> PythonValue {
        (stack.base + i).move().value
    }

    /// Moves the entries from `start` on into an array (the stack ends at `start` after).
    @inline(__always) mutating func moveItems(from start: Int) -> [PythonValue] {
        let count = stack.count - start
        guard count > 0 else { return [] }
        stack.count = start
        return [PythonValue](unsafeUninitializedCapacity: count) { buffer, initialized in
            for k in 0..<count { buffer.initializeElement(at: k, to: takeValue(start + k)) }
            initialized = count
        }
    }

    /// Takes the entries from `start` on off the stack and pushes `make` of them in their place
    /// (`TUPLE`, `TUPLE1`-`TUPLE3`, `LIST`).
    mutating func collapse(from start: Int, _ make: ([PythonValue]) -> PythonValue) throws {
        let height = try checkedHeight(from: start, 1)
        try checkCollapse(at: start)
        let items = moveItems(from: start)
        stack.append(Slot(value: make(items), height: height))
    }

    /// The limits for replacing the entries from `start` on by one new value (`start` is within
    /// the stack, so it stays below the limit with `nodes`, as in ``push(_:height:)``).
    @inline(__always) mutating func checkCollapse(at start: Int) throws {
        nodes += 1
        guard nodes <= limits.maximumNodes else { throw Unsupported() }
    }

    /// `FROZENSET`: the entries from `start` on become one frozenset in their place.
    mutating func collapseSet(from start: Int) throws {
        try checkHashable(from: start, by: 1)
        let height = try checkedHeight(from: start, 1)
        try checkCollapse(at: start)
        var set = PythonSet()
        for i in start..<stack.count { set.insert(takeValue(i)) }
        stack.count = start
        stack.append(Slot(value: .frozenset(set), height: height))
    }

    /// `DICT`: the keys and values from `start` on become one dict in their place.
    mutating func collapseDict(from start: Int) throws {
        guard (stack.count - start) % 2 == 0 else { throw Unsupported() }
        try checkHashable(from: start, by: 2)
        let height = try checkedHeight(from: start, 1)
        try checkCollapse(at: start)
        var dict = PythonDict()
        dict.reserveCapacity((stack.count - start) / 2)
        movePairs(from: start, into: &dict)
        stack.append(Slot(value: .dict(dict), height: height))
    }

    /// Moves the key-value pairs from `start` on into `dict` (the stack ends at `start` after).
    @inline(__always) mutating func movePairs(from start: Int, into dict: inout PythonDict) {
        var i = start
        while i < stack.count {
            dict[takeValue(i)] = takeValue(i + 1)
            i += 2
        }
        stack.count = start
    }

    /// Moves the value just below `start` out of its slot, lets `fill` move the entries from
    /// `start` on into it, and puts it back with the height of everything it now holds; when it is
    /// not the container `fill` takes (`fill` returns `false` and leaves it as it was), puts it back
    /// unchanged and gives up.
    @inline(__always)
    mutating func fillContainer(below start: Int, _ fill: (inout Self, inout PythonValue) -> Bool) throws {
        let target = stack.base + start - 1
        let containerHeight = target.pointee.height
        let height = try checkedHeight(from: start, containerHeight)
        var container = takeValue(start - 1)
        let filled = fill(&self, &container)
        target.initialize(to: Slot(value: container, height: filled ? height : containerHeight))
        guard filled else { throw Unsupported() }
    }

    /// `APPEND`, `APPENDS`: the entries from `start` on go into the list just below them.
    mutating func appendItems(from start: Int) throws {
        guard start > fence else { throw Unsupported() }
        try fillContainer(below: start) { unpickler, container in
            switch consume container {
            case .list(var items):
                if items.isEmpty {
                    items = unpickler.moveItems(from: start)
                } else {
                    // No exact reservation: a list built by one APPEND per item must grow geometrically.
                    for i in start..<unpickler.stack.count { items.append(unpickler.takeValue(i)) }
                    unpickler.stack.count = start
                }
                container = .list(items)
                return true
            case let other:
                container = other
                return false
            }
        }
    }

    /// `SETITEM`, `SETITEMS`: the keys and values from `start` on go into the dict just below them.
    mutating func setItems(from start: Int) throws {
        guard start > fence, (stack.count - start) % 2 == 0 else { throw Unsupported() }
        try checkHashable(from: start, by: 2)
        try fillContainer(below: start) { unpickler, container in
            switch consume container {
            case .dict(var dict):
                if dict.isEmpty { dict.reserveCapacity((unpickler.stack.count - start) / 2) }
                unpickler.movePairs(from: start, into: &dict)
                container = .dict(dict)
                return true
            case let other:
                container = other
                return false
            }
        }
    }

    /// `ADDITEMS`: the entries from `start` on go into the set just below them.
    mutating func addItems(from start: Int) throws {
        guard start > fence else { throw Unsupported() }
        try checkHashable(from: start, by: 1)
        try fillContainer(below: start) { unpickler, container in
            switch consume container {
            case .set(var set):
                for i in start..<unpickler.stack.count { set.insert(unpickler.takeValue(i)) }
                unpickler.stack.count = start
                container = .set(set)
                return true
            case let other:
                container = other
                return false
            }
        }
    }

    // MARK: Memo

    func memoIndex(_ line: UnsafeBufferPointer<UInt8>, _ r: PickleReader) throws -> Int {
        guard let index = try PickleNumberText.memoIndex(line, reader: r) else { throw Unsupported() }
        return index
    }

    /// Remembers how to make the scalar on top of the stack again; a container only as "not shared
    /// here" (every opcode that leaves anything but a scalar on top sets `topSource` to that).
    mutating func memoPut(_ index: Int) throws {
        guard stack.count > fence, index <= memo.count, memo.count < limits.maximumNodes else { throw Unsupported() }
        if index == memo.count { memo.append(topSource) } else { memo[index] = topSource }
    }

    /// Pushes a memoized scalar: a copy of it once read, else by reading its opcode again (its
    /// bytes were checked the first time), keeping a copy for the next `GET`.
    mutating func memoGet(_ index: Int, _ r: PickleReader) throws {
        guard index >= 0, index < memo.count else { throw Unsupported() }
        let entry = memo[index]
        if entry >= 0 {
            var again = r.rereading(at: entry)
            let op = try again.nextOpcode()
            guard op != PickleOpcode.emptyTuple, let value = try Self.scalar(op, &again, python2Strings) else { throw Unsupported() }
            try spend(on: value)
            try push(value, height: 0)
            copies.append(value)
            memo[index] = MemoEntry.copy(copies.count - 1)
        } else {
            let copy = MemoEntry.copyIndex(entry)
            guard copy >= 0, copy < copies.count else { throw Unsupported() }
            try spend(on: copies[copy])
            try push(copies[copy], height: 0)
        }
        topSource = memo[index]
    }
}
