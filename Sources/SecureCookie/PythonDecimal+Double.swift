extension PythonDecimal {
    /// The double equal to this decimal exactly, when there is one and the decimal has a fraction.
    ///
    /// Python compares a `Decimal` with a `float` exactly, so `Decimal("0.5") == 0.5` (one dict key)
    /// while `Decimal("0.1") != 0.1`. Equality and hashing use this to agree with Python.
    internal var exactDouble: Double? {
        let (negative, form) = normalized
        guard case .finite(let coefficient, let exponent) = form, exponent < 0,
            // A double's exact decimal form has at most 767 significant digits and exponent -1074.
            coefficient.utf8.count <= 767, exponent >= -1074,
            let double = Double((negative ? "-" : "") + coefficient + "e" + String(exponent)),
            double.isFinite, double != 0
        else { return nil }
        // The exact decimal of odd × 2^-k has exponent -k and these digits.
        let exact = Self.exactDigits(of: double.magnitude)
        guard exact.exponent == exponent, exact.coefficient == coefficient else { return nil }
        return double
    }

    /// The exact decimal digits of a finite, positive double: `coefficient × 10^exponent`, equal to it.
    ///
    /// `|double| = odd × 2^e`; for `e >= 0` that is an integer, and for `e < 0`,
    /// `odd × 2^e = (odd × 5^-e) × 10^e` exactly (at most 767 digits).
    internal static func exactDigits(of magnitude: Double) -> (coefficient: String, exponent: Int) {
        let binaryExponent = Int(magnitude.exponent) - magnitude.significandWidth  // checked: a double exponent, |e| < 1100
        // An integral double is an integer exactly (at most 1024 bits).
        if binaryExponent >= 0 { return (PythonBigInt(exactly: magnitude)?.description ?? "0", 0) }
        guard let odd = UInt64(exactly: Double(sign: .plus, exponent: -binaryExponent, significand: magnitude)) else {
            return ("0", 0)
        }
        // checked: the high half of a UInt64
        var limbs: [UInt32] = [UInt32(truncatingIfNeeded: odd), UInt32(truncatingIfNeeded: odd >> 32)]
        var remaining = -binaryExponent
        while remaining > 0 {
            let step = min(remaining, 13)  // 5^13 < 2^32
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= 5 }
            var carry: UInt64 = 0
            for index in limbs.indices {
                // checked: limb < 2^32, factor <= 5^13 < 2^31, carry < 2^32: below 2^64
                let product = UInt64(limbs[index]) * factor + carry
                limbs[index] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32  // checked: the high half of a UInt64
            }
            if carry != 0 { limbs.append(UInt32(carry)) }  // checked: carry is a high half: below 2^32
            remaining -= step
        }
        return (PythonBigInt(isNegative: false, limbs: limbs).description, binaryExponent)
    }

    /// `double > self` as Python compares a float with a `Decimal`: exactly.
    ///
    /// - Parameter double: The float (finite or infinite; NaN is never greater).
    /// - Returns: `nil` for a NaN decimal, which Python refuses to order (`InvalidOperation`).
    internal func isLess(than double: Double) -> Bool? {
        let decimalSign: Int
        var digits = ""
        var exponent = 0
        switch form {
        case .nan, .signalingNaN: return nil
        case .infinity:
            if double.isNaN { return false }
            return isNegative && double > -.infinity
        case .finite(let coefficient, let power):
            (digits, exponent) = (String(coefficient.drop(while: { $0 == "0" })), power)
            decimalSign = digits.isEmpty ? 0 : (isNegative ? -1 : 1)
        }
        if double.isNaN { return false }
        if double.isInfinite { return double > 0 }
        let doubleSign = double == 0 ? 0 : (double < 0 ? -1 : 1)
        if doubleSign != decimalSign { return doubleSign > decimalSign }
        if doubleSign == 0 { return false }
        let exact = Self.exactDigits(of: double.magnitude)
        // Compare the magnitudes; the order of the numbers follows the sign.
        let order = Self.compareMagnitudes(exact.coefficient, exact.exponent, digits, exponent)
        return doubleSign > 0 ? order > 0 : order < 0
    }

    /// The order of `a × 10^x` and `b × 10^y` (digit strings without leading zeros, neither zero): -1, 0 or 1.
    private static func compareMagnitudes(_ a: String, _ x: Int, _ b: String, _ y: Int) -> Int {
        // The place of the leading digit decides, unless it is the same; a decimal's exponent has at
        // most 18 digits, so these sums stay far inside Int.
        let leadA = a.utf8.count + x
        let leadB = b.utf8.count + y
        if leadA != leadB { return leadA < leadB ? -1 : 1 }
        // Same leading place: the digits, padded with zeros to one length, compare as text (both are
        // at most 4,300 digits, the longest decimal text read).
        let length = max(a.utf8.count, b.utf8.count)
        let paddedA = a + String(repeating: "0", count: length - a.utf8.count)
        let paddedB = b + String(repeating: "0", count: length - b.utf8.count)
        return paddedA == paddedB ? 0 : (paddedA < paddedB ? -1 : 1)
    }
}
