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
/// semantics here. The stack, marks and memo live in ``PickleScratch`` buffers that start on the
/// machine stack; every operation checks what it needs (reach past the mark, types, hashability,
/// limits) before it moves a value, so a refusal never leaves a slot half moved.
internal struct PlainUnpickler {
    /// Why this path gave up; never seen outside ``load(_:python2Strings:limits:)``.
    struct Unsupported: Error {}

    let python2Strings: PicklePython2Strings
    let limits: SecureCookieLimits
    /// A stack entry.
    struct Slot {
        var value: PythonValue
        /// How many containers nest in the value, itself included (0 for a scalar), as
        /// ``PickleResolver`` counts depth; 32 bits fit in the value's padding.
        var height: Int32
    }

    /// The stack.
    var stack: PickleScratch<Slot>
    /// Stack heights at each open `MARK`.
    var marks: PickleScratch<Int>
    /// The current mark's height: items below it are out of reach.
    var fence = 0
    /// The memo, one ``MemoEntry`` code per index (this path shares no containers).
    var memo: PickleScratch<Int>
    /// Scalars a `GET` has read, kept so that later `GET`s copy them instead of reading them again.
    var copies: PickleScratch<PythonValue>
    /// How to make the value on top of the stack again, as a memo entry code.
    var topSource = MemoEntry.none
    /// Every value made, counted as the resolver counts nodes (at least as many).
    var nodes = 0
    /// The bytes of every str, bytes and big int pushed, each `GET` of one counted again (this
    /// path shares no containers): past the limit it gives up, and the general path refuses.
    var budget: MaterializationBudget

    /// What a memo entry code means: an offset (`>= 0`) is the scalar opcode that made the value,
    /// ``none`` a container (or a value made some other way), which this path does not share, and
    /// a code below that the value kept at ``copies`` index `-2 - code`.
    enum MemoEntry {
        static let none = -1
        @inline(__always) static func copy(_ index: Int) -> Int { -2 - index }
        @inline(__always) static func copyIndex(_ code: Int) -> Int { -2 - code }
    }

    // The room each buffer starts with, on the machine stack: 1 KiB for each type, the most
    // `withUnsafeTemporaryAllocation` always keeps off the heap. The ints are split between the
    // marks and the memo, the values kept for `GET`s have their own.
    private static let stackRoom = 1024 / MemoryLayout<Slot>.stride
    private static let copyRoom = 1024 / MemoryLayout<PythonValue>.stride
    private static let intRoom = 1024 / MemoryLayout<Int>.stride
    private static let markRoom = 32

    private init(
        python2Strings: PicklePython2Strings, limits: SecureCookieLimits,
        _ slotMemory: UnsafeMutableBufferPointer<Slot>, _ copyMemory: UnsafeMutableBufferPointer<PythonValue>,
        _ intMemory: UnsafeMutableBufferPointer<Int>
    ) {
        self.python2Strings = python2Strings
        self.limits = limits
        self.budget = MaterializationBudget(limits)
        let markEnd = Swift.min(Self.markRoom, intMemory.count)
        stack = PickleScratch(slotMemory)
        copies = PickleScratch(copyMemory)
        marks = PickleScratch(UnsafeMutableBufferPointer(rebasing: intMemory[..<markEnd]))
        memo = PickleScratch(UnsafeMutableBufferPointer(rebasing: intMemory[markEnd...]))
    }

    /// Destroys what is left on the stack and frees the buffers' heap memory.
    private mutating func tearDown() {
        stack.release()
        copies.release()
        marks.release()
        memo.release()
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
        withUnsafeTemporaryAllocation(of: Slot.self, capacity: stackRoom) { slotMemory in
            withUnsafeTemporaryAllocation(of: PythonValue.self, capacity: copyRoom) { copyMemory in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: intRoom) { intMemory in
                    var unpickler = PlainUnpickler(
                        python2Strings: python2Strings, limits: limits, slotMemory, copyMemory, intMemory)
                    defer { unpickler.tearDown() }
                    return try? unpickler.run(buffer)
                }
            }
        }
    }

    private mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) throws -> PythonValue {
        guard buffer.count <= limits.maximumValueBytes, var r = PickleReader(buffer) else { throw Unsupported() }
        while true {
            let op = try r.nextOpcode()
            // One dispatch: the opcodes plain pickles are made of first, the rest through `scalar`.
            switch op {
            case PickleOpcode.shortBinUnicode: try pushScalar(.str(try r.shortBinUnicode()), r)
            case PickleOpcode.binInt1: try pushScalar(.int(try r.binInt1()), r)
            case PickleOpcode.binInt2: try pushScalar(.int(try r.binInt2()), r)
            case PickleOpcode.binFloat: try pushScalar(.float(try r.binFloat()), r)

            case PickleOpcode.memoize: try memoPut(memo.count)
            case PickleOpcode.binPut: try memoPut(Int(try r.byte()))
            case PickleOpcode.longBinPut: try memoPut(Int(try r.unsigned(4)))
            case PickleOpcode.put: try memoPut(try memoIndex(try r.line(), r))
            case PickleOpcode.binGet: try memoGet(Int(try r.byte()), r)
            case PickleOpcode.longBinGet: try memoGet(Int(try r.unsigned(4)), r)
            case PickleOpcode.get: try memoGet(try memoIndex(try r.line(), r), r)

            case PickleOpcode.mark:
                topSource = MemoEntry.none
                guard marks.count < limits.maximumDepth else { throw Unsupported() }
                marks.append(stack.count)
                fence = stack.count
            case PickleOpcode.emptyDict: try pushContainer(.dict(PythonDict()))
            case PickleOpcode.emptyList: try pushContainer(.list([]))
            case PickleOpcode.setItems:
                topSource = MemoEntry.none
                try setItems(from: try popMark())
            case PickleOpcode.appends:
                topSource = MemoEntry.none
                try appendItems(from: try popMark())

            case PickleOpcode.stop:
                guard stack.count > fence else { throw Unsupported() }
                stack.count -= 1
                return (stack.base + stack.count).move().value
            default:
                if let value = try Self.scalar(op, &r, python2Strings) {
                    if op == PickleOpcode.emptyTuple {
                        try pushContainer(value)
                    } else {
                        try pushScalar(value, r)
                    }
                } else {
                    topSource = MemoEntry.none
                    try structural(op, &r)
                }
            }
        }
    }

    /// Pushes the value of the scalar opcode just read, which a memo entry can make again.
    @inline(__always) private mutating func pushScalar(_ value: consuming PythonValue, _ r: PickleReader) throws {
        try spend(on: value)
        try push(consume value, height: 0)
        topSource = r.opcodeOffset
    }

    /// Pushes a new container (which the memo does not share).
    @inline(__always) private mutating func pushContainer(_ value: consuming PythonValue) throws {
        try push(consume value, height: 1)
        topSource = MemoEntry.none
    }

    /// Spends the budget on a scalar's bytes or digits (a scalar holds no shared part to walk).
    @inline(__always) mutating func spend(on value: borrowing PythonValue) throws {
        switch value {
        case .str(let text): try budget.spend(text.utf8.count)
        case .bytes(let bytes), .bytearray(let bytes): try budget.spend(bytes.count)
        case .bigInt(let integer): try budget.spend(integer.decimalDigitBound)
        default: break
        }
    }

    /// The value of a scalar opcode, read as the general path reads it, or `nil` for any other opcode.
    @inline(__always) static func scalar(
        _ op: UInt8, _ r: inout PickleReader, _ python2Strings: PicklePython2Strings
    ) throws -> PythonValue? {
        switch try r.scalar(op) {
        case .value(let value)?: return value
        case .python2String(let bytes)?: return try python2Strings.decode(bytes)
        case nil: return nil
        }
    }

    /// The opcodes ``run(_:)`` does not handle itself but for the scalars: the rarer structural ones.
    private mutating func structural(_ op: UInt8, _ r: inout PickleReader) throws {
        switch op {
        case PickleOpcode.proto:
            guard try r.byte() <= 5 else { throw Unsupported() }
        case PickleOpcode.frame:
            try r.beginFrame(try r.unsigned(8))

        case PickleOpcode.pop:
            if stack.count > fence { discard(from: stack.count - 1) } else { discard(from: try popMark()) }
        case PickleOpcode.popMark:
            discard(from: try popMark())

        case PickleOpcode.emptySet: try push(.set(PythonSet()), height: 1)
        case PickleOpcode.tuple:
            try collapse(from: try popMark()) { .tuple($0) }
        case PickleOpcode.tuple1, PickleOpcode.tuple2, PickleOpcode.tuple3:
            let count = Int(op - PickleOpcode.tuple1) + 1
            guard stack.count - fence >= count else { throw Unsupported() }
            try collapse(from: stack.count - count) { .tuple($0) }
        case PickleOpcode.list:
            try collapse(from: try popMark()) { .list($0) }
        case PickleOpcode.frozenSet:
            try collapseSet(from: try popMark())
        case PickleOpcode.dict:
            try collapseDict(from: try popMark())

        case PickleOpcode.append:
            guard stack.count - fence >= 2 else { throw Unsupported() }
            try appendItems(from: stack.count - 1)
        case PickleOpcode.setItem:
            guard stack.count - fence >= 3 else { throw Unsupported() }
            try setItems(from: stack.count - 2)
        case PickleOpcode.addItems:
            try addItems(from: try popMark())

        default:
            throw Unsupported()
        }
    }
}
