/// A Python `dict`: insertion-ordered, with keys compared by Python's equality.
///
/// `1`, `1.0` and `True` are one key, as in Python; `"\u{E9}"` and `"e\u{301}"` are two.
/// Assigning to an existing key keeps its position and its first key object, as Python does.
public struct PythonDict: Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One key and its value.
    public typealias Element = (key: PythonValue, value: PythonValue)

    /// One key and its value, stored side by side: a dict is one array (one allocation).
    @usableFromInline internal struct Entry: Sendable {
        /// The key.
        @usableFromInline var key: PythonValue
        /// The value.
        @usableFromInline var value: PythonValue

        /// Where the key lies from the start of an entry (stored properties always have an offset).
        static let keyOffset = MemoryLayout<Entry>.offset(of: \Entry.key) ?? 0
        /// Where the value lies from the start of an entry.
        static let valueOffset = MemoryLayout<Entry>.offset(of: \Entry.value) ?? MemoryLayout<PythonValue>.stride

        @inlinable init(key: PythonValue, value: PythonValue) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline internal var entries: [Entry] = []
    /// Key positions by hash, built only once the dict outgrows ``linearSearchLimit``: a session's
    /// small dicts are searched by comparing keys, which costs less than hashing them.
    @usableFromInline internal var index: [PythonValue: Int]?

    /// The most pairs searched by comparison before an index is built.
    @usableFromInline internal static let linearSearchLimit = 8

    /// Creates an empty dict.
    public init() {}

    /// Creates a dict from key-value pairs; a later duplicate key replaces the value of the earlier one.
    ///
    /// - Parameter pairs: The pairs, in insertion order.
    public init<S: Sequence>(_ pairs: S) where S.Element == (PythonValue, PythonValue) {
        for (key, value) in pairs { self[key] = value }
    }

    /// Creates a dict from a literal.
    public init(dictionaryLiteral elements: (PythonValue, PythonValue)...) {
        self.init(elements)
    }

    /// Calls `body` with where each key and its value are stored, in order: writers walk a dict
    /// this way without copying its keys and values (a copy costs an atomic retain and release).
    @inline(__always)
    package func forEachInPlace(
        _ body: (_ key: UnsafePointer<PythonValue>, _ value: UnsafePointer<PythonValue>) throws -> Void
    ) rethrows {
        try entries.withUnsafeBufferPointer { entries in
            guard let first = entries.baseAddress else { return }
            let keyOffset = Entry.keyOffset
            let valueOffset = Entry.valueOffset
            for index in entries.indices {
                let entry = UnsafeRawPointer(first + index)
                try body(
                    (entry + keyOffset).assumingMemoryBound(to: PythonValue.self),
                    (entry + valueOffset).assumingMemoryBound(to: PythonValue.self))
            }
        }
    }

    /// The position of the first pair.
    public var startIndex: Int { 0 }
    /// The position after the last pair.
    public var endIndex: Int { entries.count }
    /// The pair at a position.
    public subscript(position: Int) -> Element { (entries[position].key, entries[position].value) }

    /// The keys, in insertion order.
    public var orderedKeys: [PythonValue] { entries.map(\.key) }
    /// The values, in insertion order.
    public var orderedValues: [PythonValue] { entries.map(\.value) }

    /// Reads, sets or (with `nil`) removes the value for a key.
    public subscript(key: PythonValue) -> PythonValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                if let position = position(of: key) {
                    entries[position].value = newValue
                } else {
                    if index != nil {
                        index?[key] = entries.count
                    } else if entries.count >= Self.linearSearchLimit {
                        buildIndex()
                        index?[key] = entries.count
                    }
                    entries.append(Entry(key: key, value: newValue))
                }
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Reads or sets the value for a `str` key.
    public subscript(key: String) -> PythonValue? {
        get { self[.str(key)] }
        set { self[.str(key)] = newValue }
    }

    /// Removes a key and returns its value.
    ///
    /// - Parameter key: The key.
    /// - Returns: The removed value, or `nil` when the key was absent.
    @discardableResult
    public mutating func removeValue(forKey key: PythonValue) -> PythonValue? {
        guard let position = position(of: key) else { return nil }
        let removed = entries.remove(at: position)
        if index != nil {
            index?.removeValue(forKey: key)
            for i in position..<entries.count { index?[entries[i].key] = i }
        }
        return removed.value
    }

    /// Removes every pair.
    public mutating func removeAll() {
        entries.removeAll()
        index = nil
    }

    /// Whether the dict has a key.
    public func contains(key: PythonValue) -> Bool { position(of: key) != nil }

    /// Where a key is, by Python's equality.
    @inline(__always)
    private func position(of key: PythonValue) -> Int? {
        if let index { return index[key] }
        // A str key (nearly every key) is compared to str keys only, in place; anything else by Python's ==.
        if case .str(let text) = key {
            return entries.withUnsafeBufferPointer { stored in
                for position in stored.indices {
                    if case .str(let other) = stored[position].key, PythonValue.sameCodePoints(text, other) { return position }
                }
                return nil
            }
        }
        return entries.firstIndex { $0.key == key }
    }

    private mutating func buildIndex() {
        var built: [PythonValue: Int] = [:]
        built.reserveCapacity(entries.count * 2)
        for (position, entry) in entries.enumerated() { built[entry.key] = position }
        index = built
    }
}

extension PythonDict: Equatable, Hashable {
    /// Equal when both have the same keys with equal values, in any order, as Python compares dicts.
    public static func == (lhs: PythonDict, rhs: PythonDict) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    /// Hashes without regard to order.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in self {
            var inner = Hasher()
            inner.combine(key)
            inner.combine(value)
            combined ^= inner.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

/// A Python `set` or `frozenset`: unique elements by Python's equality, in the order first added.
///
/// Order carries no meaning for equality; it is kept so output is stable.
public struct PythonSet: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral, Hashable {
    @usableFromInline internal var storage = PythonDict()

    /// Creates an empty set.
    public init() {}

    /// Creates a set of the given elements; duplicates are dropped.
    ///
    /// - Parameter elements: The elements.
    public init<S: Sequence>(_ elements: S) where S.Element == PythonValue {
        for element in elements { insert(element) }
    }

    /// Creates a set from a literal.
    public init(arrayLiteral elements: PythonValue...) { self.init(elements) }

    /// The position of the first element.
    public var startIndex: Int { 0 }
    /// The position after the last element.
    public var endIndex: Int { storage.count }
    /// The element at a position.
    public subscript(position: Int) -> PythonValue { storage.entries[position].key }

    /// Adds an element unless an equal one is present.
    ///
    /// - Parameter element: The element.
    public mutating func insert(_ element: PythonValue) {
        if !storage.contains(key: element) { storage[element] = PythonValue.none }
    }

    /// Whether an equal element is present.
    public func contains(member element: PythonValue) -> Bool { storage.contains(key: element) }

    /// Equal when both hold equal elements, in any order.
    public static func == (lhs: PythonSet, rhs: PythonSet) -> Bool { lhs.storage == rhs.storage }

    /// Hashes without regard to order.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
