import SecureCookie

extension Pickler.Session {
    /// The C pickler's `BATCHSIZE`: items per `APPENDS`, `SETITEMS` or `ADDITEMS`.
    static let batchSize = 1000

    // MARK: list

    /// `save_list`: `EMPTY_LIST` (or `MARK LIST` at protocol 0), a memo entry, then the items:
    /// one `APPEND` each at protocol 0; from protocol 1 a single item with `APPEND`, more in
    /// `MARK … APPENDS` batches of 1000 (`batch_list_exact`).
    mutating func writeList(_ items: [PythonValue]) throws {
        try items.withUnsafeBufferPointer { items in
            let first = items.baseAddress
            try writeList(count: items.count) { session, index in
                if let first { try session.save(at: first + index) }
            }
        }
    }

    /// `save_list` of a set's items (the argument of `set(list)` below protocol 4).
    mutating func writeList(_ items: PythonSet) throws {
        try writeList(count: items.count) { session, index in try session.save(items[index]) }
    }

    /// `save_list` of `count` items, `saveItem` writing the one at an offset.
    private mutating func writeList(count: Int, saveItem: (inout Pickler.Session, Int) throws -> Void) throws {
        if proto >= 1 {
            write(Op.emptyList)
        } else {
            write(Op.mark, Op.list)
        }
        memoPut()
        guard count > 0 else { return }
        if proto == 0 {
            for index in 0..<count {
                try saveItem(&self, index)
                write(Op.append)
            }
            return
        }
        if count == 1 {
            try saveItem(&self, 0)
            write(Op.append)
            return
        }
        var index = 0
        repeat {
            write(Op.mark)
            var batch = 0
            while index < count {
                try saveItem(&self, index)
                index += 1
                batch += 1
                if batch == Self.batchSize { break }
            }
            write(Op.appends)
        } while index < count
    }

    /// `save` of a list built only to be pickled (the argument of `set(list)` below protocol 4).
    mutating func saveList(_ items: PythonSet) throws {
        boundary()
        try writeList(items)
    }

    // MARK: tuple

    /// `save_tuple` for a tuple value.
    mutating func writeTuple(_ items: [PythonValue]) throws {
        try items.withUnsafeBufferPointer { items in
            try writeTuple(count: items.count) { session in
                guard let first = items.baseAddress else { return }
                for index in items.indices { try session.save(at: first + index) }
            }
        }
    }

    /// `save` of a tuple built only to be pickled (the arguments of a `__reduce__`).
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - items: Saves the items.
    /// - Throws: What `items` throws.
    mutating func saveTuple(count: Int, items: (inout Pickler.Session) throws -> Void) throws {
        boundary()
        try writeTuple(count: count, items: items)
    }

    /// `save_tuple`: `EMPTY_TUPLE` (`MARK TUPLE` at protocol 0) without a memo entry when empty;
    /// otherwise the items then `TUPLE1`-`TUPLE3` (protocol 2 and up, at most 3 items) or
    /// `MARK … TUPLE`, then a memo entry.
    private mutating func writeTuple(count: Int, items: (inout Pickler.Session) throws -> Void) throws {
        if count == 0 {
            if proto >= 1 {
                write(Op.emptyTuple)
            } else {
                write(Op.mark, Op.tuple)
            }
            return
        }
        if count <= 3 && proto >= 2 {
            try items(&self)
            write(Op.tuple1 + UInt8(count - 1))
        } else {
            write(Op.mark)
            try items(&self)
            write(Op.tuple)
        }
        memoPut()
    }

    // MARK: dict

    /// `save_dict`: `EMPTY_DICT` (or `MARK DICT` at protocol 0), a memo entry, then the pairs in
    /// insertion order: one `SETITEM` each at protocol 0; from protocol 1 a single pair with
    /// `SETITEM`, more in `MARK … SETITEMS` batches of 1000 (`batch_dict_exact`, which closes a
    /// dict of exactly 1000·k pairs with an empty batch).
    mutating func writeDict(_ dict: PythonDict) throws {
        if proto >= 1 {
            write(Op.emptyDict)
        } else {
            write(Op.mark, Op.dict)
        }
        memoPut()
        guard !dict.isEmpty else { return }
        if proto == 0 {
            try dict.forEachInPlace { key, value in
                try save(at: key)
                try save(at: value)
                write(Op.setItem)
            }
            return
        }
        if dict.count == 1 {
            try dict.forEachInPlace { key, value in
                try save(at: key)
                try save(at: value)
            }
            write(Op.setItem)
            return
        }
        var batch = 0
        write(Op.mark)
        try dict.forEachInPlace { key, value in
            if batch == Self.batchSize {
                write(Op.setItems)
                write(Op.mark)
                batch = 0
            }
            try save(at: key)
            try save(at: value)
            batch += 1
        }
        write(Op.setItems)
        // A dict of exactly 1000·k pairs ends with an empty batch, as the C pickler's loop does.
        if batch == Self.batchSize { write(Op.mark, Op.setItems) }
    }

    // MARK: set and frozenset

    /// `save_set`: from protocol 4 `EMPTY_SET`, a memo entry, then `MARK … ADDITEMS` batches of
    /// 1000 (an empty batch closing a set of exactly 1000·k items); before, `set(list)` by reduce.
    mutating func writeSet(_ set: PythonSet) throws {
        guard proto >= 4 else {
            try saveReduce(.set, argumentCount: 1) { try $0.saveList(set) }
            return
        }
        write(Op.emptySet)
        memoPut()
        guard !set.isEmpty else { return }
        var index = set.startIndex
        var batch: Int
        repeat {
            batch = 0
            write(Op.mark)
            while index != set.endIndex {
                try save(set[index])
                index += 1
                batch += 1
                if batch == Self.batchSize { break }
            }
            write(Op.addItems)
        } while batch == Self.batchSize
    }

    /// `save_frozenset`: from protocol 4 `MARK`, the items, `FROZENSET` and a memo entry; before,
    /// `frozenset(list)` by reduce.
    mutating func writeFrozenSet(_ set: PythonSet) throws {
        guard proto >= 4 else {
            try saveReduce(.frozenset, argumentCount: 1) { try $0.saveList(set) }
            return
        }
        write(Op.mark)
        for item in set { try save(item) }
        write(Op.frozenSet)
        memoPut()
    }
}
