import SecureCookie

/// The globals the codec builds itself: what Python writes for plain values, and nothing else.
///
/// `builtins`/`__builtin__` `set`, `frozenset`, `bytes`, `bytearray`, `complex` (and `object` as the
/// base argument of `copyreg._reconstructor`); `_codecs.encode`; `datetime` `datetime`, `date`,
/// `time`, `timedelta`, `timezone`; `decimal.Decimal`; `collections.OrderedDict` (read as a dict);
/// `copyreg`/`copy_reg._reconstructor`.
internal enum PickleAllowlist {
    static func role(module: String, name: String) -> PickleGlobal.Role? {
        switch module {
        case "builtins", "__builtin__":
            switch name {
            case "set": return .set
            case "frozenset": return .frozenset
            case "bytes": return .bytes
            case "bytearray": return .bytearray
            case "complex": return .complex
            case "object": return .object
            default: return nil
            }
        case "_codecs": return name == "encode" ? .codecsEncode : nil
        case "datetime":
            switch name {
            case "datetime": return .datetime
            case "date": return .date
            case "time": return .time
            case "timedelta": return .timedelta
            case "timezone": return .timezone
            default: return nil
            }
        case "decimal": return name == "Decimal" ? .decimal : nil
        case "collections": return name == "OrderedDict" ? .orderedDict : nil
        case "copyreg", "copy_reg": return name == "_reconstructor" ? .reconstructor : nil
        default: return nil
        }
    }

    /// A global's `module.name` as error messages show it: the name itself when it is a dotted
    /// Python identifier of at most 100 ASCII bytes (every real module and class), otherwise only
    /// its length, so that a message never repeats other text from inside a cookie.
    static func shownName(_ name: String) -> String {
        let utf8 = name.utf8
        let isIdentifier =
            utf8.count <= 100
            && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
                guard let first = part.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
                return part.utf8.allSatisfy { byte in
                    byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                }
            }
        return isIdentifier ? name : "of \(utf8.count) bytes (not an identifier)"
    }

    /// Builds one allowlisted value from a call's arguments, as CPython 3.11's constructor would,
    /// refusing every argument form the constructor refuses (and a few it accepts that the codec
    /// cannot hold, listed in `Interop/pickle-diff/exceptions.txt`).
    ///
    /// Every integer argument is range-checked before any arithmetic, and no message repeats a
    /// value's text: they name the global, the argument's type and its length.
    struct Builder {
        let global: PickleGlobal
        let how: PickleConstructor.How
        let arguments: [PickleItem]
        let reader: PickleReader
        let python2Strings: PicklePython2Strings
        let limits: SecureCookieLimits
        /// What the materialization budget has left, for values this builder allocates itself (`bytes(n)`).
        let budgetLeft: Int

        func bad(_ what: String) -> SecureCookieError {
            reader.error("\(global.name)(): \(what)")
        }

        mutating func build(_ unpickler: inout Unpickler) throws -> PickleItem {
            // `cls.__new__(cls, *args)` leaves mutable containers empty: their items come from __init__.
            let isNew = how == .newObject || how == .newObjectWithKeywords
            switch global.role {
            case .set:
                let items = isNew ? [] : try iterable(optionalSingle())
                return .node(unpickler.makeNode(.set, items: items))
            case .frozenset:
                return .node(unpickler.makeNode(.frozenset, items: try iterable(optionalSingle())))
            case .orderedDict:
                let argument = isNew ? nil : try optionalSingle()
                // A mapping gives its items; any other iterable, (key, value) pairs.
                if case .node(let mapping)? = argument, mapping.kind == .dict {
                    return .node(unpickler.makeNode(.dict, items: mapping.items))
                }
                if case .value(.dict(let mapping))? = argument {
                    return .node(unpickler.makeNode(.dict, items: mapping.flatMap { [.value($0.key), .value($0.value)] }))
                }
                let pairs = try iterable(argument)
                var items: [PickleItem] = []
                for pair in pairs {
                    guard let elements = try elements(pair), elements.count == 2 else {
                        throw bad("each item must be a (key, value) pair")
                    }
                    items.append(contentsOf: elements)
                }
                return .node(unpickler.makeNode(.dict, items: items))
            case .bytes:
                return .value(.bytes(try byteString()))
            case .bytearray:
                return .value(.bytearray(isNew ? [] : try byteString()))
            case .codecsEncode:
                return .value(.bytes(try codecsEncode()))
            case .complex:
                return .value(try complexNumber())
            case .decimal:
                return .value(.decimal(try decimalNumber()))
            case .timedelta:
                return .value(.timedelta(try timeDelta()))
            case .timezone:
                return .timezone(try timeZone())
            case .date:
                return .value(.date(try date()))
            case .time:
                return .value(.time(try time()))
            case .datetime:
                return .value(.datetime(try dateTime()))
            case .object:
                throw SecureCookieError.refused(
                    "global \(global.name)", "object is read only as the base of copyreg._reconstructor")
            case .reconstructor, .registered, .inert:
                throw bad("not a builder")
            }
        }

        // MARK: Arguments

        func optionalSingle() throws -> PickleItem? {
            guard arguments.count <= 1 else { throw bad("takes at most 1 argument, got \(arguments.count)") }
            return arguments.first
        }

        func iterable(_ item: PickleItem?) throws -> [PickleItem] {
            guard let item else { return [] }
            guard let elements = try elements(item) else { throw bad("cannot iterate over a \(item.typeName)") }
            return elements
        }

        /// A Python 2 `str` as Python 3's `pickle.loads` gives it, by the ``PicklePython2Strings`` option.
        func decoded(_ item: PickleItem) throws -> PickleItem {
            guard case .python2String(let bytes) = item else { return item }
            return .value(try python2Strings.decode(bytes))
        }

        /// What iterating over an argument gives: the elements of a list, tuple, set or frozenset,
        /// the keys of a dict, the characters of a str, the ints of bytes; `nil` for anything else.
        func elements(_ raw: PickleItem) throws -> [PickleItem]? {
            switch try decoded(raw) {
            case .value(.tuple(let values)), .value(.list(let values)): return values.map { .value($0) }
            case .value(.set(let set)), .value(.frozenset(let set)): return set.map { .value($0) }
            case .value(.str(let text)): return text.unicodeScalars.map { .value(.str(String($0))) }
            // checked: bytes widened to Int
            case .value(.bytes(let bytes)), .value(.bytearray(let bytes)): return bytes.map { .value(.int(Int($0))) }
            case .node(let node):
                switch node.kind {
                case .list, .tuple, .set, .frozenset: return node.items
                case .dict: return stride(from: 0, to: node.items.count, by: 2).map { node.items[$0] }
                case .object: return nil
                }
            default: return nil
            }
        }

        static func integer(_ item: PickleItem) -> Int? {
            switch item {
            case .value(.int(let value)): return value
            case .value(.bool(let value)): return value ? 1 : 0
            default: return nil
            }
        }

        /// An integer argument (an `int` or `bool`); an int past 64 bits is Python's `OverflowError`.
        func integerArgument(_ item: PickleItem) throws -> Int {
            if let value = Self.integer(item) { return value }
            if case .value(.bigInt) = item { throw bad("an int argument is too large") }
            throw bad("needs integers, not \(item.typeName)")
        }

        /// A Python 3 `str`, a Python 2 one included once decoded.
        func text(_ item: PickleItem) throws -> String? {
            if case .value(.str(let text)) = try textual(item) { return text }
            return nil
        }

        /// An argument a constructor reads as text (an encoding name, `Decimal` text): a Python 2 `str`
        /// of ASCII is that text whatever ``PicklePython2Strings`` says, as Python 2 meant it (CPython 3
        /// with `encoding='bytes'` refuses such a pickle; the value is what Python 2 pickled).
        func textual(_ item: PickleItem) throws -> PickleItem {
            if case .python2String(let bytes) = item, bytes.allSatisfy({ $0 < 0x80 }) {
                return .value(.str(String(decoding: bytes, as: UTF8.self)))
            }
            return try decoded(item)
        }
    }
}
