import SecureCookie

/// The JSON reader's values waiting for their array or object to close, moved in and moved out
/// into the container, never copied: a copy of a string or container costs an atomic retain when
/// made and an atomic release when the stack drops it.
internal struct JSONValueStack: ~Copyable {
    private var base: UnsafeMutablePointer<PythonValue>?
    private var capacity = 0
    /// The number of values waiting.
    private(set) var count = 0

    /// Creates an empty stack; memory is taken at the first push.
    init() {}

    deinit {
        guard let base else { return }
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes a value.
    mutating func push(_ value: consuming PythonValue) {
        if count == capacity { grow() }
        guard let base else { return }  // grow() always leaves memory
        (base + count).initialize(to: value)
        count += 1
    }

    private mutating func grow() {
        let newCapacity = max(16, capacity * 2)
        let newBase = UnsafeMutablePointer<PythonValue>.allocate(capacity: newCapacity)
        if let base {
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }

    /// Moves the values from `start` on into an array (a closing `]`).
    mutating func popArray(from start: Int) -> [PythonValue] {
        let length = count - start
        guard let base, length > 0 else { return [] }
        let items = [PythonValue](unsafeUninitializedCapacity: length) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            target.moveInitialize(from: base + start, count: length)
            initialized = length
        }
        count = start
        return items
    }

    /// Moves alternating keys and values from `start` on into a dict (a closing `}`): a repeated
    /// key keeps its first position and its last value, as `dict()` does.
    mutating func popDict(from start: Int) -> PythonDict {
        var dict = PythonDict()
        guard let base, count > start else { return dict }
        dict.reserveCapacity((count - start) / 2)
        var index = start
        while index + 1 < count {
            dict[(base + index).move()] = (base + index + 1).move()
            index += 2
        }
        if index < count { (base + index).deinitialize(count: 1) }  // a key without a value: none is ever left
        count = start
        return dict
    }
}
