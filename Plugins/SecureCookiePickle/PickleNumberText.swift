import SecureCookie

/// The text arguments of protocol 0's `INT`, `LONG`, `FLOAT`, `GET` and `PUT`, read exactly as
/// CPython 3.11's C `_pickle` reads them (the module Werkzeug's `pickle.loads` runs).
///
/// - `INT`: C `strtol(text, &end, 0)` (leading white space, a sign, `0x` hex, a leading `0` for
///   octal), accepted when it stops at the newline or a NUL byte without overflowing; a two-byte
///   line worth 0 or 1 is a bool (`00`, `01`, `-0`, ` 1`). Otherwise `int(text, 0)` (below).
/// - `LONG`: one trailing `L` dropped, then `int(text, 0)`.
/// - `GET`/`PUT`: `int(text, 10)`.
/// - `int(text, base)` is `PyLong_FromString`: white space around, a sign, `0x`/`0o`/`0b` with base
///   0, single underscores between digits, no leading zeros for a non-zero base-0 number, and
///   everything after a NUL byte ignored (C strings end there).
/// - `FLOAT`: `PyOS_string_to_double`: no white space, decimal digits with an optional point and
///   exponent, or `inf`/`infinity`/`nan` in any case; an overflow to infinity is an error; stops
///   at the newline or a NUL byte.
///
/// No message repeats the text: it names the opcode, offset and length only.
internal enum PickleNumberText {
    /// `Py_ISSPACE` and C `isspace` in the C locale.
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// A digit's value in bases up to 36, or 99.
    @inline(__always) static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        // checked: the byte is within the matched range, so the difference is 0-25
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        // checked: the byte is within the matched range, so the difference is 0-25
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 10
        // checked: the byte is within the matched range, so the difference is 0-25
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return 99
        }
    }

    private static func invalid(_ what: String, _ text: UnsafeBufferPointer<UInt8>, _ reader: PickleReader) -> SecureCookieError {
        reader.error("\(what) (an argument of \(text.count) bytes)")
    }

    // MARK: INT

    /// The argument of `INT`.
    static func intOpcode(_ text: UnsafeBufferPointer<UInt8>, reader: PickleReader) throws -> PythonValue {
        guard !text.isEmpty else { throw reader.error("pickle data was truncated: an empty INT line") }
        if let (value, end) = strtol(text), end == text.count || text[end] == 0 {
            if text.count == 2, value == 0 || value == 1 { return .bool(value == 1) }
            return .int(value)
        }
        return try pythonInt(text, base: 0, reader: reader)
    }

    /// C `strtol(text, &end, 0)`: the value and where it stopped, or `nil` on overflow. With no
    /// digits it stops at 0, as C does.
    static func strtol(_ text: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var i = 0
        while i < text.count, isSpace(text[i]) { i += 1 }
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var base = 10
        if i < text.count, text[i] == UInt8(ascii: "0") {
            base = 8
            if i + 2 < text.count, text[i + 1] | 0x20 == UInt8(ascii: "x"), digitValue(text[i + 2]) < 16 {
                base = 16
                i += 2
            }
        }
        let start = i
        var magnitude: UInt64 = 0
        var overflow = false
        while i < text.count {
            let digit = digitValue(text[i])
            guard digit < base else { break }
            let (shifted, o1) = magnitude.multipliedReportingOverflow(by: UInt64(base))  // checked: base is 2-36
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(digit))  // checked: a digit is 0-35, never negative
            if o1 || o2 { overflow = true }
            magnitude = sum
            i += 1
        }
        guard i > start else { return (0, 0) }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)  // checked: constants
        guard !overflow, magnitude <= limit else { return nil }
        let value = negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude)  // checked: magnitude <= Int64.max is checked above
        return (value, i)
    }

    // MARK: LONG, GET, PUT

    /// The argument of `LONG`.
    static func longOpcode(_ text: UnsafeBufferPointer<UInt8>, reader: PickleReader) throws -> PythonValue {
        guard !text.isEmpty else { throw reader.error("pickle data was truncated: an empty LONG line") }
        var body = text
        if let last = text.last, last == UInt8(ascii: "L") { body = UnsafeBufferPointer(rebasing: text.dropLast()) }
        return try pythonInt(body, base: 0, reader: reader)
    }

    /// The argument of `GET` or `PUT`: a memo index, or `nil` for one that is negative or past `Int`.
    static func memoIndex(_ text: UnsafeBufferPointer<UInt8>, reader: PickleReader) throws -> Int? {
        guard !text.isEmpty else { throw reader.error("pickle data was truncated: an empty memo index line") }
        guard case .int(let index) = try pythonInt(text, base: 10, reader: reader), index >= 0 else { return nil }
        return index
    }

    // MARK: int(text, base)

    /// `PyLong_FromString(text, NULL, base)` with base 0 or 10.
    static func pythonInt(_ whole: UnsafeBufferPointer<UInt8>, base requested: Int, reader: PickleReader) throws -> PythonValue {
        // A C string ends at its first NUL byte.
        let text = UnsafeBufferPointer(rebasing: whole[..<(whole.firstIndex(of: 0) ?? whole.count)])
        let bad = { invalid("invalid literal for int() with base \(requested)", whole, reader) }
        var i = 0
        while i < text.count, isSpace(text[i]) { i += 1 }
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var base = requested
        var zeroOnly = false
        if base == 0 {
            let next = i + 1 < text.count ? text[i + 1] | 0x20 : 0
            if i >= text.count || text[i] != UInt8(ascii: "0") {
                base = 10
            } else if next == UInt8(ascii: "x") {
                base = 16
            } else if next == UInt8(ascii: "o") {
                base = 8
            } else if next == UInt8(ascii: "b") {
                base = 2
            } else {
                base = 10
                zeroOnly = true
            }
            if base != 10 {
                i += 2
                if i < text.count, text[i] == UInt8(ascii: "_") { i += 1 }
            }
        }
        guard i < text.count, text[i] != UInt8(ascii: "_") else { throw bad() }
        var digits: [UInt8] = []
        var previousUnderscore = false
        while i < text.count {
            let byte = text[i]
            if byte == UInt8(ascii: "_") {
                guard !previousUnderscore else { throw bad() }
                previousUnderscore = true
            } else {
                let digit = digitValue(byte)
                guard digit < base else { break }
                digits.append(UInt8(digit))  // checked: digit < base <= 36
                previousUnderscore = false
            }
            i += 1
        }
        guard !previousUnderscore, !digits.isEmpty else { throw bad() }
        while i < text.count, isSpace(text[i]) { i += 1 }
        guard i == text.count else { throw bad() }
        if zeroOnly, digits.contains(where: { $0 != 0 }) { throw bad() }
        if base == 10 {
            guard digits.count <= PythonBigInt.maximumDecimalDigits else {
                throw SecureCookieError.limitExceeded(
                    .integerDigits,
                    "an integer of \(digits.count) digits exceeds \(PythonBigInt.maximumDecimalDigits) "
                        + "(\(PickleOpcode.name(reader.opcode)) at offset \(reader.opcodeOffset))")
            }
            if digits.count <= 18 {
                var value = 0
                for digit in digits { value = value * 10 + Int(digit) }  // checked: at most 18 digits (checked above), below Int.max
                return .int(negative ? -value : value)
            }
            var decimal = negative ? "-" : ""
            decimal.unicodeScalars.append(contentsOf: digits.lazy.map { Unicode.Scalar($0 + UInt8(ascii: "0")) })
            guard let big = PythonBigInt(decimal: decimal) else { throw bad() }
            return .integer(big)
        }
        return .integer(powerOfTwo(digits, bits: base == 16 ? 4 : base == 8 ? 3 : 1, negative: negative))
    }

    /// The integer of digits in base 2, 8 or 16 (`bits` per digit), most significant first.
    private static func powerOfTwo(_ digits: [UInt8], bits: Int, negative: Bool) -> PythonBigInt {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count * bits / 8 + 2)
        var accumulator: UInt32 = 0
        var held = 0
        for digit in digits.reversed() {
            accumulator |= UInt32(digit) << UInt32(held)  // checked: held stays below 8 and a digit has at most 4 bits: 12 bits
            held += bits
            while held >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8  // checked: drops the byte just written
                held -= 8
            }
        }
        bytes.append(UInt8(truncatingIfNeeded: accumulator))
        bytes.append(0)  // a sign byte: the magnitude is non-negative
        if negative {
            var carry = true
            for k in bytes.indices {
                let inverted = ~bytes[k]
                bytes[k] = carry ? inverted &+ 1 : inverted
                if carry, inverted != 0xFF { carry = false }
            }
        }
        return PythonBigInt(twosComplementLittleEndian: bytes)
    }

    // MARK: FLOAT

    /// The argument of `FLOAT`.
    static func floatOpcode(_ text: UnsafeBufferPointer<UInt8>, reader: PickleReader) throws -> Double {
        guard !text.isEmpty else { throw reader.error("pickle data was truncated: an empty FLOAT line") }
        let bad = { invalid("could not convert string to float", text, reader) }
        var i = 0
        var sign = ""
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            sign = text[0] == UInt8(ascii: "-") ? "-" : ""
            i = 1
        }
        let isDigit = { (k: Int) -> Bool in k < text.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[k]) }
        var mantissa = ""
        while isDigit(i) {
            mantissa.unicodeScalars.append(Unicode.Scalar(text[i]))
            i += 1
        }
        var fraction = ""
        if i < text.count, text[i] == UInt8(ascii: ".") {
            var k = i + 1
            while isDigit(k) {
                fraction.unicodeScalars.append(Unicode.Scalar(text[k]))
                k += 1
            }
            if !mantissa.isEmpty || !fraction.isEmpty { i = k }
        }
        let value: Double
        if mantissa.isEmpty && fraction.isEmpty {
            let (special, end) = try infinityOrNaN(text, from: i, bad)
            value = sign == "-" ? -special : special
            i = end
        } else {
            var exponent = ""
            if i < text.count, text[i] | 0x20 == UInt8(ascii: "e") {
                var k = i + 1
                var exponentSign = ""
                if k < text.count, text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: "+") {
                    exponentSign = text[k] == UInt8(ascii: "-") ? "-" : ""
                    k += 1
                }
                var exponentDigits = ""
                while isDigit(k) {
                    exponentDigits.unicodeScalars.append(Unicode.Scalar(text[k]))
                    k += 1
                }
                if !exponentDigits.isEmpty {
                    exponent = "e" + exponentSign + exponentDigits
                    i = k
                }
            }
            let normalized = sign + (mantissa.isEmpty ? "0" : mantissa) + "." + (fraction.isEmpty ? "0" : fraction) + exponent
            guard let parsed = Double(normalized) else { throw bad() }
            guard parsed.isFinite else {
                throw reader.error("value too large to convert to float (an argument of \(text.count) bytes)")
            }
            value = parsed
        }
        guard i == text.count || text[i] == 0 else { throw bad() }
        return value
    }

    /// `inf`, `infinity` or `nan` in any case at `start`, and where it ends.
    private static func infinityOrNaN(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, _ bad: () -> SecureCookieError
    ) throws -> (Double, Int) {
        func matches(_ word: String, at k: Int) -> Bool {
            let letters = Array(word.utf8)
            guard k + letters.count <= text.count else { return false }
            return letters.indices.allSatisfy { text[k + $0] | 0x20 == letters[$0] }
        }
        if matches("nan", at: start) { return (.nan, start + 3) }
        if matches("inf", at: start) {
            return (.infinity, matches("inity", at: start + 3) ? start + 8 : start + 3)
        }
        throw bad()
    }
}
