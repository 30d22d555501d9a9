/// A value as Python holds it: the one value model every codec reads and writes.
///
/// Cookies written by Werkzeug carry Python objects: tuples, bytes, sets, datetimes,
/// integers of any size. `PythonValue` keeps each of them distinct, so a cookie read
/// from Python and written back is the same value, not a JSON-shaped approximation.
///
/// Equality and hashing follow Python's rules, not Swift's:
/// - strings compare by Unicode code points (`"\u{E9}"` and `"e\u{301}"` differ);
/// - numbers compare by value across kinds (`1`, `1.0` and `True` are equal and hash alike,
///   so they are one dict key);
/// - dicts compare without regard to order, as do sets.
///
/// A value cannot refer to itself: codecs refuse recursive input with a typed error.
///
/// The datetime family and decimals are stored boxed, so every value stays small (strings,
/// byte arrays and containers are references already) and copying one is cheap.
public enum PythonValue: Sendable {
    /// `None`.
    case none
    /// `bool`.
    case bool(Bool)
    /// An `int` that fits in 64 bits.
    case int(Int)
    /// An `int` outside the 64-bit range. Never holds a value that fits in ``int(_:)``.
    case bigInt(PythonBigInt)
    /// `float`.
    case float(Double)
    /// `complex`: real and imaginary parts.
    case complex(Double, Double)
    /// `str`.
    case str(String)
    /// `bytes`.
    case bytes([UInt8])
    /// `bytearray`.
    case bytearray([UInt8])
    /// `list`.
    case list([PythonValue])
    /// `tuple`.
    case tuple([PythonValue])
    /// `dict`, in insertion order.
    case dict(PythonDict)
    /// `set`.
    case set(PythonSet)
    /// `frozenset`.
    case frozenset(PythonSet)
    /// `datetime.datetime`, naive or with a fixed UTC offset.
    indirect case datetime(PythonDateTime)
    /// `datetime.date`.
    indirect case date(PythonDate)
    /// `datetime.time`, naive or with a fixed UTC offset.
    indirect case time(PythonTime)
    /// `datetime.timedelta`.
    indirect case timedelta(PythonTimeDelta)
    /// `decimal.Decimal`.
    indirect case decimal(PythonDecimal)
    /// `uuid.UUID` (Flask sessions tag it ` u`).
    case uuid(PythonUUID)
    /// `markupsafe.Markup`: a `str` already safe as HTML (Flask sessions tag it ` m`). As in Python, it
    /// equals and hashes as the ``str(_:)`` of the same text.
    case markup(String)
}

extension PythonValue {
    /// An integer value, normalised: small values become ``int(_:)``, others ``bigInt(_:)``.
    ///
    /// - Parameter integer: The integer.
    /// - Returns: The Python `int`.
    public static func integer(_ integer: PythonBigInt) -> PythonValue {
        if let small = integer.intValue { return .int(small) }
        return .bigInt(integer)
    }

    /// The Python type name of this value (`"int"`, `"dict"`, `"datetime.datetime"`...), for messages.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .complex: return "complex"
        case .str: return "str"
        case .bytes: return "bytes"
        case .bytearray: return "bytearray"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .set: return "set"
        case .frozenset: return "frozenset"
        case .datetime: return "datetime.datetime"
        case .date: return "datetime.date"
        case .time: return "datetime.time"
        case .timedelta: return "datetime.timedelta"
        case .decimal: return "decimal.Decimal"
        case .uuid: return "uuid.UUID"
        case .markup: return "markupsafe.Markup"
        }
    }

    /// Whether Python could use this value as a dict key or set element.
    ///
    /// Lists, dicts, sets and bytearrays are unhashable, and so is a tuple that holds one.
    public var isHashable: Bool {
        switch self {
        case .list, .dict, .set, .bytearray: return false
        case .tuple(let items): return items.allSatisfy(\.isHashable)
        default: return true
        }
    }

    /// The number of nodes in this value, each container and each scalar counting one.
    ///
    /// Shared references count once per place they appear, as printing or re-encoding
    /// the value would visit them.
    public var nodeCount: Int {
        switch self {
        case .list(let items), .tuple(let items):
            return items.reduce(1) { $0 &+ $1.nodeCount }
        case .dict(let dict):
            return dict.reduce(1) { $0 &+ $1.key.nodeCount &+ $1.value.nodeCount }
        case .set(let set), .frozenset(let set):
            return set.reduce(1) { $0 &+ $1.nodeCount }
        default:
            return 1
        }
    }
}
