/// An integer of any size, as Python's `int` holds it.
///
/// Only what the codecs need: conversion from and to decimal text, two's-complement
/// little-endian bytes (pickle's `LONG1`/`LONG4`), machine integers and doubles, and
/// comparison. Decimal conversion is quadratic, so text is bounded by
/// ``maximumDecimalDigits`` (Python 3.11's own default limit for `int` ↔ `str`).
public struct PythonBigInt: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most decimal digits accepted or produced, as Python's `sys.get_int_max_str_digits()` default.
    public static let maximumDecimalDigits = 4300

    /// Whether the value is below zero.
    public private(set) var isNegative: Bool
    /// Magnitude, base 2^32, least significant limb first, no trailing zero limbs.
    @usableFromInline package private(set) var limbs: [UInt32]

    internal init(isNegative: Bool, limbs: [UInt32]) {
        var limbs = limbs
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        self.limbs = limbs
        self.isNegative = limbs.isEmpty ? false : isNegative
    }

    /// Creates the integer equal to a machine integer.
    ///
    /// - Parameter value: The value.
    public init<T: BinaryInteger>(_ value: T) {
        var magnitude = value.magnitude
        var limbs: [UInt32] = []
        while magnitude != 0 {
            limbs.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32  // checked: limb extraction
        }
        self.init(isNegative: value < 0, limbs: limbs)
    }

    /// Creates an integer from decimal text: an optional sign, then digits (underscores not allowed).
    ///
    /// Fails (is `nil`) when the text is not a decimal integer or is too long.
    ///
    /// - Parameter text: The text, at most ``maximumDecimalDigits`` digits.
    public init?<S: StringProtocol>(decimal text: S) {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty, utf8.count <= Self.maximumDecimalDigits else { return nil }
        var limbs: [UInt32] = []
        var chunk: UInt32 = 0
        var chunkDigits = 0
        func flush(_ limbs: inout [UInt32], _ chunk: UInt32, _ digits: Int) {
            var multiplier: UInt32 = 1
            for _ in 0..<digits { multiplier &*= 10 }
            var carry = UInt64(chunk)  // checked: widening
            for i in limbs.indices {
                // checked: limb, multiplier <= 10^9 and carry < 2^32: below 2^64
                let product = UInt64(limbs[i]) * UInt64(multiplier) + carry
                limbs[i] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32  // checked: the high half of a UInt64
            }
            if carry != 0 { limbs.append(UInt32(carry)) }  // checked: carry is a high half or a sum carry: below 2^32
        }
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            chunk = chunk * 10 + UInt32(byte - UInt8(ascii: "0"))  // checked: at most 9 digits per chunk: below 10^9
            chunkDigits += 1
            if chunkDigits == 9 {
                flush(&limbs, chunk, 9)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 { flush(&limbs, chunk, chunkDigits) }
        self.init(isNegative: negative, limbs: limbs)
    }

    /// Creates an integer from two's-complement little-endian bytes, as pickle's `LONG1`/`LONG4` hold it.
    ///
    /// - Parameter bytes: The bytes; empty means zero.
    public init<C: Collection>(twosComplementLittleEndian bytes: C) where C.Element == UInt8 {
        guard let lastByte = bytes.reversed().first else {
            self.init(isNegative: false, limbs: [])
            return
        }
        let negative = lastByte & 0x80 != 0
        var limbs = [UInt32](repeating: 0, count: (bytes.count + 3) / 4)
        for (offset, byte) in bytes.enumerated() {
            let value = negative ? ~byte : byte
            limbs[offset / 4] |= UInt32(value) << (UInt32(offset % 4) * 8)  // checked: a byte placed within its 32-bit limb
        }
        if negative {
            // magnitude = ~x + 1
            var carry: UInt64 = 1
            for i in limbs.indices where carry != 0 {
                let sum = UInt64(limbs[i]) + carry  // checked: limb and carry below 2^32
                limbs[i] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32  // checked: the high half of a UInt64
            }
            if carry != 0 { limbs.append(UInt32(carry)) }  // checked: carry is a high half or a sum carry: below 2^32
        }
        self.init(isNegative: negative, limbs: limbs)
    }

    /// Creates the integer equal to an integral, finite double.
    ///
    /// Fails (is `nil`) when the double is not finite or has a fraction.
    ///
    /// - Parameter double: The double.
    public init?(exactly double: Double) {
        guard double.isFinite, double.rounded(.towardZero) == double else { return nil }
        if let small = Int64(exactly: double) {
            self.init(small)
            return
        }
        let significand = PythonBigInt(double.significandBitPattern | (1 << 52))
        let shift = Int(double.exponent) - 52  // checked: a double exponent, at most 1023
        var result = significand.shiftedLeft(by: shift)
        result.isNegative = double < 0
        self = result
    }

    /// Whether the value is zero.
    public var isZero: Bool { limbs.isEmpty }

    /// The value as a machine `Int`, or `nil` when it does not fit.
    public var intValue: Int? {
        guard limbs.count <= 2 else { return nil }
        // checked: at most two limbs: offsets 0 and 1
        let magnitude = limbs.enumerated().reduce(UInt64(0)) { $0 | (UInt64($1.element) << (UInt64($1.offset) * 32)) }
        if isNegative {
            if magnitude == UInt64(Int64.max) + 1 { return Int.min }  // checked: a constant, 2^63
            guard magnitude <= UInt64(Int64.max) else { return nil }  // checked: a constant
            return -Int(magnitude)  // checked: magnitude <= Int64.max (checked above)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }  // checked: a constant
        return Int(magnitude)  // checked: magnitude <= Int64.max (checked above)
    }

    /// The value as a `UInt64`, or `nil` when it is negative or too large.
    public var uint64Value: UInt64? {
        guard !isNegative, limbs.count <= 2 else { return nil }
        // checked: at most two limbs: offsets 0 and 1
        return limbs.enumerated().reduce(UInt64(0)) { $0 | (UInt64($1.element) << (UInt64($1.offset) * 32)) }
    }

    /// The nearest double (rounding may occur), or infinity when too large.
    public var doubleValue: Double {
        var result = 0.0
        for limb in limbs.reversed() { result = result * 4_294_967_296.0 + Double(limb) }
        return isNegative ? -result : result
    }

    /// The number of bits of the magnitude.
    public var bitWidth: Int {
        guard let last = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - last.leadingZeroBitCount)
    }

    /// Two's-complement little-endian bytes in the fewest bytes that keep the sign, as
    /// Python's `pickle.encode_long` writes them (zero is empty).
    public var twosComplementLittleEndian: [UInt8] {
        if isZero { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limbs.count * 4 + 1)
        for limb in limbs {
            // checked: byte extraction, truncating on purpose
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: limb >> UInt32(shift))) }
        }
        while let last = bytes.last, last == 0 { bytes.removeLast() }
        if isNegative {
            // two's complement of the magnitude
            var carry = 1
            for i in bytes.indices {
                let value = Int(~bytes[i]) + carry  // checked: a byte plus 0 or 1
                bytes[i] = UInt8(truncatingIfNeeded: value)
                carry = value >> 8  // checked: 0 or 1
            }
            if let last = bytes.last, last & 0x80 == 0 { bytes.append(0xFF) }
            // drop redundant 0xff bytes: keep the shortest form
            while bytes.count > 1, bytes[bytes.count - 1] == 0xFF, bytes[bytes.count - 2] & 0x80 != 0 {
                bytes.removeLast()
            }
        } else if let last = bytes.last, last & 0x80 != 0 {
            bytes.append(0)
        }
        return bytes
    }

    /// The widest magnitude, in bits, that can have at most ``maximumDecimalDigits`` digits: an
    /// integer of `b` bits has at least ⌊(b − 1) · log10 2⌋ + 1 digits, which is 4301 from 14,286 bits.
    internal static let maximumDecimalBits = 14_285

    /// Decimal text as Python 3.11's `str(int)` writes it, refused beyond ``maximumDecimalDigits`` digits.
    ///
    /// The bit length is checked first, so an integer too wide is refused before the (quadratic)
    /// conversion; one narrow enough is converted and its digits counted exactly.
    ///
    /// - Returns: The text, with a leading `-` when negative.
    /// - Throws: ``SecureCookieError/Kind/limitExceeded`` (``SecureCookieError/Limit/integerDigits``), as
    ///   Python's `ValueError: Exceeds the limit (4300 digits) for integer string conversion`.
    public func decimalText() throws -> String {
        let tooLong = SecureCookieError.limitExceeded(
            .integerDigits, "an int of more than \(Self.maximumDecimalDigits) decimal digits (Python's int max str digits)")
        guard bitWidth <= Self.maximumDecimalBits else { throw tooLong }
        let text = description
        guard text.utf8.count - (isNegative ? 1 : 0) <= Self.maximumDecimalDigits else { throw tooLong }
        return text
    }

    /// Decimal text, with a leading `-` when negative.
    ///
    /// Unbounded and quadratic in the size: for text shown to anyone, or of an integer read from
    /// outside, use ``decimalText()``.
    public var description: String {
        if isZero { return "0" }
        var remaining = limbs
        var chunks: [UInt32] = []
        while !remaining.isEmpty {
            var remainder: UInt64 = 0
            for i in remaining.indices.reversed() {
                let current = (remainder << 32) | UInt64(remaining[i])  // checked: remainder < 10^9 < 2^32: below 2^62
                remaining[i] = UInt32(current / 1_000_000_000)  // checked: current < 10^9 · 2^32, so the quotient is below 2^32
                remainder = current % 1_000_000_000
            }
            while let last = remaining.last, last == 0 { remaining.removeLast() }
            chunks.append(UInt32(remainder))  // checked: below 10^9
        }
        var text = isNegative ? "-" : ""
        text += String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    internal func shiftedLeft(by bits: Int) -> PythonBigInt {
        guard bits > 0, !isZero else { return self }
        let limbShift = bits / 32
        let bitShift = UInt32(bits % 32)  // checked: 0..<32
        var result = [UInt32](repeating: 0, count: limbShift)
        var carry: UInt32 = 0
        for limb in limbs {
            result.append(bitShift == 0 ? limb : (limb << bitShift) | carry)  // checked: bits shifted out are carried to the next limb
            carry = bitShift == 0 ? 0 : limb >> (32 - bitShift)  // checked: bitShift in 1..<32
        }
        if carry != 0 { result.append(carry) }
        return PythonBigInt(isNegative: isNegative, limbs: result)
    }

    /// Orders integers by value.
    public static func < (lhs: PythonBigInt, rhs: PythonBigInt) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess: Bool
        if lhs.limbs.count != rhs.limbs.count {
            magnitudeLess = lhs.limbs.count < rhs.limbs.count
        } else if let index = lhs.limbs.indices.reversed().first(where: { lhs.limbs[$0] != rhs.limbs[$0] }) {
            magnitudeLess = lhs.limbs[index] < rhs.limbs[index]
        } else {
            return false
        }
        return lhs.isNegative ? !magnitudeLess : magnitudeLess
    }
}
