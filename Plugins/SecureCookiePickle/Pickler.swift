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

    /// Creates a pickler for one protocol.
    ///
    /// - Parameter protocolVersion: The pickle protocol, 0 to 5.
    init(protocolVersion: Int) {
        self.protocolVersion = protocolVersion
    }

    /// Pickles a value as `pickle.dumps(value, protocol=protocolVersion)` does in CPython 3.11.
    ///
    /// - Parameter value: The value.
    /// - Returns: The pickle, ending in `STOP`.
    /// - Throws: ``SecureCookieError`` of kind `unrepresentable` for a protocol outside 0-5, a value
    ///   nested deeper than ``maximumDepth``, an integer of more than 4300 digits at protocols 0 and 1
    ///   (CPython refuses to write its text), or a date-time offset Python cannot build.
    func dump(_ value: PythonValue) throws -> [UInt8] {
        guard (0...5).contains(protocolVersion) else {
            throw SecureCookieError.unrepresentable("pickle protocol \(protocolVersion) does not exist; CPython writes 0 to 5")
        }
        var session = Session(protocolVersion: protocolVersion, capacity: Pickler.estimatedSize(of: value))
        try session.dump(value)
        return session.output
    }
}

extension Pickler {
    /// The opcodes the pickler writes, as `Lib/pickletools.py` names them.
    enum Op {
        static let mark: UInt8 = 0x28            // (
        static let stop: UInt8 = 0x2E            // .
        static let float: UInt8 = 0x46           // F
        static let int: UInt8 = 0x49             // I
        static let binInt: UInt8 = 0x4A          // J
        static let binInt1: UInt8 = 0x4B         // K
        static let long: UInt8 = 0x4C            // L
        static let binInt2: UInt8 = 0x4D         // M
        static let none: UInt8 = 0x4E            // N
        static let reduce: UInt8 = 0x52          // R
        static let unicode: UInt8 = 0x56         // V
        static let binUnicode: UInt8 = 0x58      // X
        static let append: UInt8 = 0x61          // a
        static let global: UInt8 = 0x63          // c
        static let dict: UInt8 = 0x64            // d
        static let emptyDict: UInt8 = 0x7D       // }
        static let appends: UInt8 = 0x65         // e
        static let get: UInt8 = 0x67             // g
        static let binGet: UInt8 = 0x68          // h
        static let longBinGet: UInt8 = 0x6A      // j
        static let list: UInt8 = 0x6C            // l
        static let emptyList: UInt8 = 0x5D       // ]
        static let put: UInt8 = 0x70             // p
        static let binPut: UInt8 = 0x71          // q
        static let longBinPut: UInt8 = 0x72      // r
        static let setItem: UInt8 = 0x73         // s
        static let tuple: UInt8 = 0x74           // t
        static let emptyTuple: UInt8 = 0x29      // )
        static let setItems: UInt8 = 0x75        // u
        static let binFloat: UInt8 = 0x47        // G
        static let proto: UInt8 = 0x80
        static let tuple1: UInt8 = 0x85
        static let newTrue: UInt8 = 0x88
        static let newFalse: UInt8 = 0x89
        static let long1: UInt8 = 0x8A
        static let long4: UInt8 = 0x8B
        static let binBytes: UInt8 = 0x42        // B
        static let shortBinBytes: UInt8 = 0x43   // C
        static let shortBinUnicode: UInt8 = 0x8C
        static let binUnicode8: UInt8 = 0x8D
        static let binBytes8: UInt8 = 0x8E
        static let emptySet: UInt8 = 0x8F
        static let addItems: UInt8 = 0x90
        static let frozenSet: UInt8 = 0x91
        static let stackGlobal: UInt8 = 0x93
        static let memoize: UInt8 = 0x94
        static let frame: UInt8 = 0x95
        static let byteArray8: UInt8 = 0x96
    }

    /// An object CPython always shares between places in one pickle, so the memo writes it once.
    enum SharedObject: Hashable {
        /// A class or function, by its Python 3 module and name.
        case global(module: String, name: String)
        /// The interned module name of a global, written at protocols 4 and 5.
        case moduleName(String)
        /// The constant `'latin1'` of `_codecs.encode(text, 'latin1')`.
        case latin1Constant
        /// `datetime.timezone.utc`.
        case utc
        /// The empty `str` or a one-character Latin-1 `str` (CPython's singletons), by code point; -1 for empty.
        case latin1Character(Int)
        /// The empty `bytes` or a one-byte `bytes` (CPython's singletons), by value; -1 for empty.
        case byte(Int)
    }

    /// A size that the pickle of a value will most likely not exceed, to allocate the output once.
    ///
    /// - Parameter value: The value.
    /// - Returns: The estimated size in bytes.
    static func estimatedSize(of value: PythonValue) -> Int {
        estimatedSize(of: value, depth: 0) + 16
    }

    private static func estimatedSize(of value: PythonValue, depth: Int) -> Int {
        guard depth <= maximumDepth else { return 0 }
        switch value {
        case .none, .bool: return 4
        case .int: return 12
        case .float: return 26
        case .bigInt(let integer): return integer.bitWidth / 3 + 12
        case .complex: return 64
        case .str(let text): return text.utf8.count * 2 + 14
        case .bytes(let bytes), .bytearray(let bytes): return bytes.count * 2 + 64
        case .list(let items), .tuple(let items):
            return items.reduce(16 + items.count / 500) { $0 + estimatedSize(of: $1, depth: depth + 1) }
        case .set(let items), .frozenset(let items):
            return items.reduce(64 + items.count / 500) { $0 + estimatedSize(of: $1, depth: depth + 1) }
        case .dict(let dict):
            return dict.reduce(16 + dict.count / 500) {
                $0 + estimatedSize(of: $1.key, depth: depth + 1) + estimatedSize(of: $1.value, depth: depth + 1)
            }
        case .datetime, .time: return 160
        case .date, .timedelta: return 80
        case .decimal(let decimal):
            if case .finite(let coefficient, _) = decimal.form { return coefficient.utf8.count + 96 }
            return 96
        }
    }
}
