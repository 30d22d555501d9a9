import SecureCookie

extension Pickler.Session {
    /// The C pickler's `BATCHSIZE`: items per `APPENDS`, `SETITEMS` or `ADDITEMS`.
    static let batchSize = 1000

    // MARK: list

    /// `save_list`: `EMPTY_LIST` (or `MARK LIST` at protocol 0), a memo entry, then the items:
    /// one `APPEND` each at protocol 0; from protocol 1 a single item with `APPEND`, more in
    /// `MARK … APPENDS` batches of 1000 (`batch_list_exact`).
    mutating func writeList<C: RandomAccessCollection>(_ items: C) throws where C.Element == PythonValue {
        if proto >= 1 {
            write(Op.emptyList)
        } else {
            write(Op.mark, Op.list)
        }
        memoPut()
        guard !items.isEmpty else { return }
        if proto == 0 {
            for item in items {
                try save(item)
                write(Op.append)
            }
            return
        }
        if items.count == 1, let item = items.first {
            try save(item)
            write(Op.append)
            return
        }
        var index = items.startIndex
        repeat {
            write(Op.mark)
            var batch = 0
            while index != items.endIndex {
                try save(items[index])
                items.formIndex(after: &index)
                batch += 1
                if batch == Self.batchSize { break }
            }
            write(Op.appends)
        } while index != items.endIndex
    }

    /// `save` of a list built only to be pickled (the argument of `set(list)` below protocol 4).
    mutating func saveList<C: RandomAccessCollection>(_ items: C) throws where C.Element == PythonValue {
        boundary()
        try writeList(items)
    }

    // MARK: tuple

    /// `save_tuple` for a tuple value.
    mutating func writeTuple(_ items: [PythonValue]) throws {
        try writeTuple(count: items.count) { session in
            for item in items { try session.save(item) }
        }
    }

    /// `save` of a tuple built only to be pickled (the arguments of a `__reduce__`).
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - items: Saves the items.
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
            for (key, value) in dict {
                try save(key)
                try save(value)
                write(Op.setItem)
            }
            return
        }
        if dict.count == 1, let (key, value) = dict.first {
            try save(key)
            try save(value)
            write(Op.setItem)
            return
        }
        var index = dict.startIndex
        var batch: Int
        repeat {
            batch = 0
            write(Op.mark)
            while index < dict.endIndex {
                let (key, value) = dict[index]
                try save(key)
                try save(value)
                index += 1
                batch += 1
                if batch == Self.batchSize { break }
            }
            write(Op.setItems)
        } while batch == Self.batchSize
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
