import SecureCookie

/// Marks a `DecodingError` this package's decoder made: its message names types only, so it may be
/// shown. A message from any other `Decodable` (such as the standard library's `RawRepresentable`,
/// which repeats the raw value) is not shown, because it may repeat text from the cookie.
internal struct DecoderMessage: Error {}

/// Reading Swift's scalar types from Python values, with Python's own conversions.
internal enum ScalarDecoding {
    /// A type mismatch whose message names the Python types: `expected int, found str`.
    static func mismatch(_ type: Any.Type, expected: String, found: PythonValue, at path: [any CodingKey]) -> DecodingError {
        .typeMismatch(
            type,
            .init(codingPath: path, debugDescription: "expected \(expected), found \(found.typeName)", underlyingError: DecoderMessage()))
    }

    /// The elements an unkeyed container walks: a list, tuple or set's items, or a bytes object's byte values.
    static func elements(of value: PythonValue) -> [PythonValue]? {
        switch value {
        case .list(let items), .tuple(let items): return items
        case .set(let set), .frozenset(let set): return Array(set)
        case .bytes(let bytes), .bytearray(let bytes): return bytes.map { .int(Int($0)) }  // checked: UInt8 widens to Int
        default: return nil
        }
    }

    static func isNone(_ value: PythonValue) -> Bool {
        if case PythonValue.none = value { return true }
        return false
    }

    static func bool(_ value: PythonValue, at path: [any CodingKey]) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(Bool.self, expected: "bool", found: value, at: path) }
        return bool
    }

    static func string(_ value: PythonValue, at path: [any CodingKey]) throws -> String {
        guard case .str(let string) = value else { throw mismatch(String.self, expected: "str", found: value, at: path) }
        return string
    }

    /// An integer type from an `int` that fits, or from an integral `float`.
    /// A big int as a fixed-width integer (`UInt64`, `Int128`, `UInt128`...), from its limbs; `nil` outside the type.
    static func fixedWidth<T: FixedWidthInteger>(_ type: T.Type, _ integer: PythonBigInt) -> T? {
        // A big int is outside Int64's range, so only types wider than 64 bits (or UInt64) can hold one;
        // the bit length is checked first, so the 32-bit shifts below never drop bits.
        guard T.bitWidth > 32, integer.bitWidth <= T.Magnitude.bitWidth else { return nil }
        var magnitude: T.Magnitude = 0
        for limb in integer.limbs.reversed() { magnitude = magnitude << 32 | T.Magnitude(limb) }  // checked: bit length <= width
        if !integer.isNegative { return T(exactly: magnitude) }
        guard T.isSigned else { return nil }
        if magnitude == T.Magnitude(1) << (T.bitWidth - 1) { return T.min }  // checked: T.bitWidth - 1 < width
        return T(exactly: magnitude).map { 0 - $0 }
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: PythonValue, at path: [any CodingKey]) throws -> T {
        let result: T?
        switch value {
        case .int(let integer): result = T(exactly: integer)
        case .bigInt(let integer):
            // From the machine value, never through decimal text (quadratic in the size of a big int).
            result = Self.fixedWidth(T.self, integer)
        case .float(let double):
            guard double.isFinite, double.rounded(.towardZero) == double else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: path, debugDescription: "float with a fraction, or not finite, where an int is expected",
                        underlyingError: DecoderMessage())
                )
            }
            result = T(exactly: double)
        default:
            throw mismatch(T.self, expected: "int", found: value, at: path)
        }
        guard let result else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "\(value.typeName) out of \(T.self)'s range", underlyingError: DecoderMessage())
            )
        }
        return result
    }

    /// A `Double` from a `float`, or from an `int` rounded as Python's `float(n)` rounds.
    static func double(_ value: PythonValue, at path: [any CodingKey]) throws -> Double {
        switch value {
        case .float(let double): return double
        case .int(let integer): return Double(integer)
        case .bigInt(let integer):
            let double = integer.doubleValue
            guard double.isFinite else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: path, debugDescription: "int too large to convert to float", underlyingError: DecoderMessage()))
            }
            return double
        default:
            throw mismatch(Double.self, expected: "float", found: value, at: path)
        }
    }

    /// A `Float` from anything ``double(_:at:)`` reads, when in `Float`'s range.
    static func float(_ value: PythonValue, at path: [any CodingKey]) throws -> Float {
        let double: Double
        do {
            double = try self.double(value, at: path)
        } catch DecodingError.typeMismatch {
            throw mismatch(Float.self, expected: "float", found: value, at: path)
        }
        guard !double.isFinite || abs(double) <= Double(Float.greatestFiniteMagnitude) else {  // checked: abs of a Double cannot trap
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "float out of Float's range", underlyingError: DecoderMessage())
            )
        }
        return Float(double)
    }
}
