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

    /// Builds one allowlisted value from a call's arguments, as the Python constructor would.
    struct Builder {
        let global: PickleGlobal
        let how: PickleConstructor.How
        let arguments: [PickleItem]
        let reader: PickleReader

        private func bad(_ what: String) -> SecureCookieError {
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
                let pairs = isNew ? [] : try iterable(optionalSingle())
                var items: [PickleItem] = []
                for pair in pairs {
                    guard let elements = Self.elements(pair), elements.count == 2 else {
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
                guard (1...2).contains(arguments.count), let text = Self.text(arguments[0]) else {
                    throw bad("needs (str, encoding)")
                }
                let encoding = arguments.count == 2 ? Self.rawText(arguments[1]) : "utf-8"
                guard let encoding else { throw bad("the encoding must be a str") }
                return .value(.bytes(try encode(text, encoding)))
            case .complex:
                guard arguments.count <= 2 else { throw bad("takes at most 2 arguments") }
                let parts = try arguments.map { item -> Double in
                    guard let number = Self.number(item) else { throw bad("needs numbers, not \(item.typeName)") }
                    return number
                }
                return .value(.complex(parts.first ?? 0, parts.count > 1 ? parts[1] : 0))
            case .decimal:
                guard arguments.count <= 1 else { throw bad("takes at most 1 argument") }
                var text = "0"
                if let first = arguments.first {
                    if case .value(.int(let value)) = first {
                        text = String(value)
                    } else if let given = Self.rawText(first) {
                        text = given
                    } else {
                        throw bad("needs a decimal string, not \(first.typeName)")
                    }
                }
                guard let decimal = PythonDecimal(text) else {
                    throw bad("needs a decimal string")
                }
                return .value(.decimal(decimal))
            case .timedelta:
                guard arguments.count <= 3 else { throw bad("takes days, seconds, microseconds") }
                let fields = try arguments.map { item -> Int in
                    guard let value = Self.integer(item) else { throw bad("needs integers, not \(item.typeName)") }
                    // Far outside timedelta's range either way; keeps the arithmetic below from overflowing.
                    guard value.magnitude < 1 << 53 else { throw bad("out of range") }
                    return value
                }
                guard
                    let delta = PythonTimeDelta(
                        days: fields.first ?? 0, seconds: fields.count > 1 ? fields[1] : 0,
                        microseconds: fields.count > 2 ? fields[2] : 0)
                else { throw bad("out of range") }
                return .value(.timedelta(delta))
            case .timezone:
                guard (1...2).contains(arguments.count), case .value(.timedelta(let offset)) = arguments[0] else {
                    throw bad("needs a timedelta offset")
                }
                guard abs(offset.totalMicroseconds) < 86_400_000_000 else {
                    throw bad("offset must be strictly between -timedelta(hours=24) and timedelta(hours=24)")
                }
                return .timezone(offset)
            case .date:
                if arguments.count == 1, let state = Self.state(arguments[0]) {
                    guard state.count == 4,
                        let date = PythonDate(
                            year: Int(state[0]) << 8 | Int(state[1]),
                            month: Int(state[2]), day: Int(state[3]))
                    else { throw bad("bad date state") }
                    return .value(.date(date))
                }
                let fields = try integers(count: 3...3)
                guard let date = PythonDate(year: fields[0], month: fields[1], day: fields[2]) else { throw bad("out of range") }
                return .value(.date(date))
            case .time:
                if (1...2).contains(arguments.count), let state = Self.state(arguments[0]) {
                    let offset = try tzinfo(arguments.count == 2 ? arguments[1] : nil)
                    guard state.count == 6,
                        let time = PythonTime(
                            hour: Int(state[0] & 0x7F), minute: Int(state[1]), second: Int(state[2]),
                            microsecond: Int(state[3]) << 16 | Int(state[4]) << 8 | Int(state[5]),
                            utcOffset: offset)
                    else { throw bad("bad time state") }
                    return .value(.time(time))
                }
                let (fields, offset) = try fieldsAndTZInfo(count: 0...4)
                let f = fields + Array(repeating: 0, count: 4 - fields.count)
                guard let time = PythonTime(hour: f[0], minute: f[1], second: f[2], microsecond: f[3], utcOffset: offset)
                else { throw bad("out of range") }
                return .value(.time(time))
            case .datetime:
                if (1...2).contains(arguments.count), let state = Self.state(arguments[0]) {
                    let offset = try tzinfo(arguments.count == 2 ? arguments[1] : nil)
                    guard state.count == 10,
                        let value = PythonDateTime(
                            year: Int(state[0]) << 8 | Int(state[1]), month: Int(state[2] & 0x7F), day: Int(state[3]),
                            hour: Int(state[4]), minute: Int(state[5]), second: Int(state[6]),
                            microsecond: Int(state[7]) << 16 | Int(state[8]) << 8 | Int(state[9]), utcOffset: offset)
                    else { throw bad("bad datetime state") }
                    return .value(.datetime(value))
                }
                let (fields, offset) = try fieldsAndTZInfo(count: 3...7)
                let f = fields + Array(repeating: 0, count: 7 - fields.count)
                guard
                    let value = PythonDateTime(
                        year: f[0], month: f[1], day: f[2], hour: f[3], minute: f[4],
                        second: f[5], microsecond: f[6], utcOffset: offset)
                else { throw bad("out of range") }
                return .value(.datetime(value))
            case .object:
                throw SecureCookieError.refused(
                    "global \(global.name)", "object is read only as the base of copyreg._reconstructor")
            case .reconstructor, .registered, .inert:
                throw bad("not a builder")
            }
        }

        // MARK: Arguments

        private func optionalSingle() throws -> PickleItem? {
            guard arguments.count <= 1 else { throw bad("takes at most 1 argument") }
            return arguments.first
        }

        private func iterable(_ item: PickleItem?) throws -> [PickleItem] {
            guard let item else { return [] }
            guard let elements = Self.elements(item) else { throw bad("cannot iterate over a \(item.typeName)") }
            return elements
        }

        private func integers(count: ClosedRange<Int>) throws -> [Int] {
            guard count.contains(arguments.count) else { throw bad("takes \(count) integer arguments") }
            return try arguments.map { item in
                guard let value = Self.integer(item) else { throw bad("needs integers, not \(item.typeName)") }
                return value
            }
        }

        private func fieldsAndTZInfo(count: ClosedRange<Int>) throws -> ([Int], PythonTimeDelta?) {
            var fields: [Int] = []
            var offset: PythonTimeDelta?
            for (index, item) in arguments.enumerated() {
                if let value = Self.integer(item), fields.count < count.upperBound, index == fields.count {
                    fields.append(value)
                } else if index == arguments.count - 1 {
                    offset = try tzinfo(item)
                } else {
                    throw bad("needs integers, not \(item.typeName)")
                }
            }
            guard count.contains(fields.count) else { throw bad("takes \(count) integer fields") }
            return (fields, offset)
        }

        /// A tzinfo argument: `None`, or a `datetime.timezone`.
        private func tzinfo(_ item: PickleItem?) throws -> PythonTimeDelta? {
            switch item {
            case nil, .value(.none)?: return nil
            case .timezone(let offset)?: return offset
            case .some(let other):
                if case .node(let node) = other, let parts = node.object {
                    throw SecureCookieError.refused(
                        "tzinfo \(parts.name)", "only datetime.timezone offsets are read as a tzinfo (offset \(reader.opcodeOffset))")
                }
                throw bad("tzinfo must be a datetime.timezone, not \(other.typeName)")
            }
        }

        /// The bytes of `bytes()`/`bytearray()` arguments: none, bytes, a list of ints, or (str, encoding).
        private func byteString() throws -> [UInt8] {
            switch arguments.count {
            case 0: return []
            case 1:
                switch arguments[0] {
                case .value(.bytes(let bytes)), .value(.bytearray(let bytes)), .python2String(let bytes): return bytes
                case let item:
                    if let elements = Self.elements(item) {
                        return try elements.map { element in
                            guard let value = Self.integer(element), (0...255).contains(value) else {
                                throw bad("bytes must be in range(0, 256)")
                            }
                            return UInt8(value)
                        }
                    }
                    throw bad("cannot make bytes from a \(item.typeName)")
                }
            case 2:
                guard let text = Self.text(arguments[0]), let encoding = Self.rawText(arguments[1]) else {
                    throw bad("needs (str, encoding)")
                }
                return try encode(text, encoding)
            default:
                throw bad("takes at most 2 arguments")
            }
        }

        private func encode(_ text: String, _ encoding: String) throws -> [UInt8] {
            switch encoding.lowercased().replacingOccurrences(of: "_", with: "-") {
            case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1":
                var bytes: [UInt8] = []
                bytes.reserveCapacity(text.unicodeScalars.count)
                for scalar in text.unicodeScalars {
                    guard scalar.value <= 0xFF else { throw bad("'latin-1' codec can't encode U+\(String(scalar.value, radix: 16))") }
                    bytes.append(UInt8(scalar.value))
                }
                return bytes
            case "utf-8", "utf8":
                return Array(text.utf8)
            case "ascii", "us-ascii":
                guard text.utf8.allSatisfy({ $0 < 0x80 }) else { throw bad("'ascii' codec can't encode the text") }
                return Array(text.utf8)
            default:
                throw bad("the encoding \"\(encoding)\" is not one the codec reads")
            }
        }

        // MARK: Item views

        /// The elements of a list, tuple, set or frozenset (the keys of a dict), without building it.
        static func elements(_ item: PickleItem) -> [PickleItem]? {
            switch item {
            case .value(.tuple(let values)), .value(.list(let values)): return values.map { .value($0) }
            case .value(.set(let set)), .value(.frozenset(let set)): return set.map { .value($0) }
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

        static func number(_ item: PickleItem) -> Double? {
            switch item {
            case .value(.int(let value)): return Double(value)
            case .value(.bool(let value)): return value ? 1 : 0
            case .value(.float(let value)): return value
            case .value(.bigInt(let value)): return value.doubleValue
            default: return nil
            }
        }

        /// A Python 3 `str`.
        static func text(_ item: PickleItem) -> String? {
            if case .value(.str(let text)) = item { return text }
            return nil
        }

        /// A str, or a Python 2 str read as ASCII/latin-1 (an encoding name, a Decimal's digits).
        static func rawText(_ item: PickleItem) -> String? {
            switch item {
            case .value(.str(let text)): return text
            case .python2String(let bytes), .value(.bytes(let bytes)):
                var text = ""
                text.unicodeScalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
                return text
            default: return nil
            }
        }

        /// A datetime's packed state: bytes, a Python 2 str, or a str of code points below 256
        /// (what CPython accepts after `encoding="latin1"`).
        static func state(_ item: PickleItem) -> [UInt8]? {
            switch item {
            case .value(.bytes(let bytes)), .python2String(let bytes): return bytes
            case .value(.str(let text)):
                guard text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return nil }
                return text.unicodeScalars.map { UInt8($0.value) }
            default: return nil
            }
        }
    }
}
