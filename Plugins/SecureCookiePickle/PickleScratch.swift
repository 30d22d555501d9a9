/// A growable buffer for ``PlainUnpickler``'s working state (its stack, marks and memo), with no
/// uniqueness checks or bounds checks of its own: the unpickler checks every index it uses.
///
/// It starts in memory it is lent (a temporary allocation, on the machine stack) and moves its
/// elements to the heap only when it outgrows that, doubling from what it holds: its size follows
/// the values the pickle has really made, never a length the pickle claims. Call ``release()``
/// once, before the lent memory goes away.
internal struct PickleScratch<Element> {
    /// The first element; elements `0..<count` are initialized.
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    /// How many elements are initialized, from `base` on.
    var count = 0
    /// Whether `base` was allocated here (and is freed by ``release()``).
    private var ownsBase = false

    /// A buffer that starts in `memory`, which must outlive it (or in the heap when `memory` is empty).
    init(_ memory: UnsafeMutableBufferPointer<Element>) {
        if let base = memory.baseAddress, memory.count > 0 {
            self.base = base
            self.capacity = memory.count
        } else {
            self.base = .allocate(capacity: 8)
            self.capacity = 8
            self.ownsBase = true
        }
    }

    /// Makes room for `extra` more elements.
    @inline(__always) mutating func reserve(_ extra: Int) {
        if extra > capacity - count { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        moved.moveInitialize(from: base, count: count)
        if ownsBase { base.deallocate() }
        base = moved
        capacity = newCapacity
        ownsBase = true
    }

    @inline(__always) mutating func append(_ element: consuming Element) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: consume element)
        count += 1
    }

    /// Element `i`, which the caller has checked is below ``count``.
    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    /// Destroys the elements from `start` (at most ``count``) on.
    @inline(__always) mutating func removeSuffix(from start: Int) {
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// Destroys every element and frees the heap memory, if any; the buffer is empty after.
    mutating func release() {
        removeSuffix(from: 0)
        if ownsBase { base.deallocate() }
        ownsBase = false
        capacity = 0
    }
}
