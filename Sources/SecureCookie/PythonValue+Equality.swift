#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's equality: numbers across kinds, strings by code point, containers by content.
extension PythonValue: Equatable, Hashable {
    /// A number reduced to the form Python compares it in.
    internal enum NumericKey: Hashable {
        case small(Int)
        case big(PythonBigInt)
        case real(Double)
        case nan
        case complex(Double, Double)
        case decimal(PythonDecimal)

        static func integer(_ value: PythonBigInt) -> NumericKey {
            if let small = value.intValue { return .small(small) }
            return .big(value)
        }

        static func number(_ value: Double) -> NumericKey {
            if value.isNaN { return .nan }
            if let small = Int(exactly: value) { return .small(small) }
            if let big = PythonBigInt(exactly: value) { return .integer(big) }
            return .real(value)
        }
    }

    internal var numericKey: NumericKey? {
        switch self {
        case .bool(let value): return .small(value ? 1 : 0)
        case .int(let value): return .small(value)
        case .bigInt(let value): return .integer(value)
        case .float(let value): return .number(value)
        case .complex(let real, let imaginary):
            if imaginary == 0 { return .number(real) }
            return .complex(real.isNaN ? .nan : real, imaginary.isNaN ? .nan : imaginary)
        case .decimal(let value):
            if let integer = value.integerValue { return .integer(integer) }
            switch value.form {
            case .nan, .signalingNaN: return .nan
            case .infinity: return .number(value.isNegative ? -.infinity : .infinity)
            case .finite: return value.exactDouble.map(NumericKey.real) ?? .decimal(value)
            }
        default: return nil
        }
    }

    /// Compares as Python's `==` does, except that NaN equals NaN (as Python containers
    /// holding the same NaN object compare equal), so that a decoded value equals its source.
    public static func == (lhs: PythonValue, rhs: PythonValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.str(let a), .str(let b)), (.markup(let a), .markup(let b)), (.str(let a), .markup(let b)),
            (.markup(let a), .str(let b)):
            return PythonValue.sameCodePoints(a, b)
        case (.uuid(let a), .uuid(let b)): return a == b
        case (.bytes(let a), .bytes(let b)), (.bytearray(let a), .bytearray(let b)),
            (.bytes(let a), .bytearray(let b)), (.bytearray(let a), .bytes(let b)):
            return a == b
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)): return a == b
        case (.dict(let a), .dict(let b)): return a == b
        case (.set(let a), .set(let b)), (.frozenset(let a), .frozenset(let b)),
            (.set(let a), .frozenset(let b)), (.frozenset(let a), .set(let b)):
            return a == b
        case (.datetime(let a), .datetime(let b)):
            switch (a.utcOffset, b.utcOffset) {
            case (nil, nil): return a.wallClockMicrosecondsSinceEpoch == b.wallClockMicrosecondsSinceEpoch
            case (.some, .some): return a.microsecondsSinceUnixEpoch == b.microsecondsSinceUnixEpoch
            default: return false
            }
        case (.date(let a), .date(let b)): return a == b
        case (.time(let a), .time(let b)):
            guard (a.utcOffset == nil) == (b.utcOffset == nil) else { return false }
            return a.comparableMicroseconds == b.comparableMicroseconds
        case (.timedelta(let a), .timedelta(let b)): return a == b
        default:
            guard let a = lhs.numericKey, let b = rhs.numericKey else { return false }
            return a == b
        }
    }

    /// Whether two strings hold the same code points (Python's `str` equality, not Swift's
    /// canonical equivalence): the same UTF-8 bytes, compared in place when both are native.
    @inline(__always)
    internal static func sameCodePoints(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let compared = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in
                guard let l = left.baseAddress, let r = right.baseAddress else { return left.count == right.count }
                return memcmp(l, r, left.count) == 0
            }
        }
        if let compared, let result = compared { return result }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// Hashes consistently with ``==(_:_:)``: equal numbers of any kind hash alike.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0 as UInt8)
        case .str(let string), .markup(let string):
            hasher.combine(1 as UInt8)
            let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil { for byte in string.utf8 { hasher.combine(byte) } }
        case .bytes(let bytes), .bytearray(let bytes):
            hasher.combine(2 as UInt8)
            hasher.combine(bytes)
        case .list(let items):
            hasher.combine(3 as UInt8)
            hasher.combine(items)
        case .tuple(let items):
            hasher.combine(4 as UInt8)
            hasher.combine(items)
        case .dict(let dict):
            hasher.combine(5 as UInt8)
            hasher.combine(dict)
        case .set(let set), .frozenset(let set):
            hasher.combine(6 as UInt8)
            hasher.combine(set)
        case .datetime(let value):
            hasher.combine(7 as UInt8)
            hasher.combine(value.utcOffset == nil ? value.wallClockMicrosecondsSinceEpoch : value.microsecondsSinceUnixEpoch)
        case .date(let value):
            hasher.combine(8 as UInt8)
            hasher.combine(value)
        case .time(let value):
            hasher.combine(9 as UInt8)
            hasher.combine(value.comparableMicroseconds)
        case .timedelta(let value):
            hasher.combine(10 as UInt8)
            hasher.combine(value)
        case .uuid(let value):
            hasher.combine(12 as UInt8)
            hasher.combine(value)
        case .bool, .int, .bigInt, .float, .complex, .decimal:
            hasher.combine(11 as UInt8)
            hasher.combine(numericKey)
        }
    }
}

extension PythonTime {
    /// Microseconds since midnight, less the UTC offset when aware: what Python compares.
    internal var comparableMicroseconds: Int {
        ((hour * 3600 + minute * 60 + second) * 1_000_000 + microsecond) - (utcOffset?.totalMicroseconds ?? 0)
    }
}
