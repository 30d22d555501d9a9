import SecureCookie

/// Writes pickles byte-identical to CPython 3.11's `pickle.dumps(value, protocol=N)`, the C pickler
/// of `Modules/_pickle.c`, for protocols 0 to 5.
///
/// The pickler follows the C pickler's every choice: the short and long opcode forms, the memo
/// numbering (`PUT`/`BINPUT`/`LONG_BINPUT`, `MEMOIZE` from protocol 4), `FRAME` framing from
/// protocol 4 (frames of at least 4 bytes, a new frame after 64 KiB, large strings and bytes
/// written outside frames), the text forms of protocols 0 and 1, and the `__reduce__` forms of
/// bytes (`_codecs.encode` below protocol 3), bytearray, set, frozenset, complex, `Decimal` and
/// the `datetime` family.
///
/// CPython's memo follows object identity, which a ``PythonValue`` does not have. The pickler
/// shares what CPython always shares: a class written twice, the interned module names of
/// globals, the `latin1` constant of `_codecs.encode`, `timezone.utc`, and the singletons CPython
/// keeps for the empty `str`, one-character Latin-1 strings, empty `bytes` and one-byte `bytes`.
/// Every other string or bytes value is a fresh object, as `json.loads` or a decoder builds it,
/// so equal strings that occur twice are written twice.
internal struct Pickler {
    /// The protocol written, 0 to 5.
    let protocolVersion: Int

    /// The deepest nesting of containers written. CPython's own pickler stops near 500 levels of
    /// lists or dicts (its recursion limit of 1000 counts two calls per level).
    static let maximumDepth = 500

    /// Pickles a value as `pickle.dumps(value, protocol=protocolVersion)` does in CPython 3.11.
    ///
    /// - Parameter value: The value.
    /// - Returns: The pickle, ending in `STOP`.
    /// - Throws: ``SecureCookieError`` of kind `unrepresentable` for a protocol outside 0-5, a value
    ///   nested deeper than ``maximumDepth``, an integer of more than 4300 digits at protocols 0 and 1
    ///   (CPython refuses to write its text), a str or bytes over 4 GiB below protocol 4, or a
    ///   date-time offset Python cannot build.
    func dump(_ value: PythonValue) throws -> [UInt8] {
        guard (0...5).contains(protocolVersion) else {
            throw SecureCookieError.unrepresentable("pickle protocol \(protocolVersion) does not exist; CPython writes 0 to 5")
        }
        var session = Session(protocolVersion: protocolVersion, capacity: Pickler.estimatedSize(of: value))
        try session.dump(value)
        return session.output.finish()
    }
}

extension Pickler {
    /// The opcodes the pickler writes: the unpickler's table, one list for both.
    typealias Op = PickleOpcode

    /// A module whose classes or functions the pickler names.
    enum Module: Int, CaseIterable {
        case builtins, codecs, datetime, decimal

        /// The Python 3 name.
        var name: String {
            switch self {
            case .builtins: return "builtins"
            case .codecs: return "_codecs"
            case .datetime: return "datetime"
            case .decimal: return "decimal"
            }
        }
    }

    /// A class or function the pickler names: the callables of the reduce forms it writes.
    enum Global: Int, CaseIterable {
        case bytes, bytearray, set, frozenset, complex, codecsEncode
        case datetime, date, time, timedelta, timezone, decimal

        /// The module it lives in.
        var module: Module {
            switch self {
            case .bytes, .bytearray, .set, .frozenset, .complex: return .builtins
            case .codecsEncode: return .codecs
            case .datetime, .date, .time, .timedelta, .timezone: return .datetime
            case .decimal: return .decimal
            }
        }

        /// Its name in the module.
        var name: String {
            switch self {
            case .bytes: return "bytes"
            case .bytearray: return "bytearray"
            case .set: return "set"
            case .frozenset: return "frozenset"
            case .complex: return "complex"
            case .codecsEncode: return "encode"
            case .datetime: return "datetime"
            case .date: return "date"
            case .time: return "time"
            case .timedelta: return "timedelta"
            case .timezone: return "timezone"
            case .decimal: return "Decimal"
            }
        }
    }

    /// An object CPython always shares between places in one pickle, so the memo writes it once.
    enum SharedObject {
        /// A class or function.
        case global(Global)
        /// The interned module name of a global, written at protocols 4 and 5.
        case moduleName(Module)
        /// The constant `'latin1'` of `_codecs.encode(text, 'latin1')`.
        case latin1Constant
        /// `datetime.timezone.utc`.
        case utc
        /// The empty `str` or a one-character Latin-1 `str` (CPython's singletons), by code point; -1 for empty.
        case latin1Character(Int)
        /// The empty `bytes` or a one-byte `bytes` (CPython's singletons), by value; -1 for empty.
        case byte(Int)

        /// Its place in ``SharedMemo``.
        var slot: Int {
            let globals = Global.allCases.count
            let modules = Module.allCases.count
            switch self {
            case .global(let global): return global.rawValue
            case .moduleName(let module): return globals + module.rawValue
            case .latin1Constant: return globals + modules
            case .utc: return globals + modules + 1
            case .latin1Character(let code): return globals + modules + 3 + code
            case .byte(let value): return globals + modules + 3 + 257 + value
            }
        }

        /// The number of slots.
        static let slotCount = Global.allCases.count + Module.allCases.count + 2 + 257 + 257
    }

    /// The memo indices of shared objects, in a table allocated on first use (no hashing).
    struct SharedMemo {
        private var indices: [Int] = []

        /// The memo index of an object, `nil` while it has not been written.
        subscript(object: SharedObject) -> Int? {
            get {
                guard !indices.isEmpty else { return nil }
                let index = indices[object.slot]
                return index < 0 ? nil : index
            }
            set {
                if indices.isEmpty { indices = [Int](repeating: -1, count: SharedObject.slotCount) }
                indices[object.slot] = newValue ?? -1
            }
        }
    }

    /// A first size for the output, from the value's outer level only (walking the whole value
    /// would cost about a third of the pickling); the buffer grows geometrically past it.
    ///
    /// - Parameter value: The value.
    /// - Returns: The capacity to reserve, in bytes.
    static func estimatedSize(of value: PythonValue) -> Int {
        switch value {
        case .str(let text): return text.utf8.count + 32
        case .bytes(let bytes), .bytearray(let bytes): return bytes.count * 2 + 64
        case .list(let items), .tuple(let items): return items.count * 24 + 64
        case .set(let items), .frozenset(let items): return items.count * 24 + 64
        case .dict(let dict): return dict.count * 48 + 64
        default: return 256
        }
    }
}
