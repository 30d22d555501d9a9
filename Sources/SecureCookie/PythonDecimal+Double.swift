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
        // |double| = odd × 2^binaryExponent, and odd × 2^-k = (odd × 5^k) × 10^-k exactly.
        let magnitude = double.magnitude
        let binaryExponent = Int(magnitude.exponent) - magnitude.significandWidth  // checked: a double exponent, |e| < 1100
        guard binaryExponent == exponent,  // the exact decimal of odd × 2^-k has exponent -k
            let odd = UInt64(exactly: Double(sign: .plus, exponent: -binaryExponent, significand: magnitude))
        else { return nil }
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
        guard PythonBigInt(isNegative: false, limbs: limbs).description == coefficient else { return nil }
        return double
    }
}
