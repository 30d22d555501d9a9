/// Signed arithmetic and float conversion on ``YAMLScalarText/Magnitude``, for PyYAML's
/// sexagesimal numbers (`construct_yaml_int` and `construct_yaml_float` sum `part * 60**k`
/// with Python ints, whose parts `int()` may read with a sign).
extension YAMLScalarText.Magnitude {
    /// Whether the magnitude is zero (no limbs).
    var isZero: Bool { limbs.isEmpty }

    /// `-1`, `0` or `1` as `self` is below, equal to or above `other`.
    func compare(_ other: Self) -> Int {
        if limbs.count != other.limbs.count { return limbs.count < other.limbs.count ? -1 : 1 }
        for index in limbs.indices.reversed() where limbs[index] != other.limbs[index] {
            return limbs[index] < other.limbs[index] ? -1 : 1
        }
        return 0
    }

    /// `self - other`, for `other <= self`.
    mutating func subtract(_ other: Self) {
        var borrow: UInt64 = 0
        for index in limbs.indices {
            // checked: a 32-bit limb plus a borrow of 0 or 1, in 64 bits
            let subtrahend = UInt64(index < other.limbs.count ? other.limbs[index] : 0) + borrow
            let minuend = UInt64(limbs[index])  // checked: a 32-bit limb widened
            if minuend >= subtrahend {
                limbs[index] = UInt32(truncatingIfNeeded: minuend - subtrahend)
                borrow = 0
            } else {
                limbs[index] = UInt32(truncatingIfNeeded: minuend + (1 << 32) - subtrahend)
                borrow = 1
            }
        }
        while limbs.last == 0 { limbs.removeLast() }
    }

    /// The number of bits (0 for zero).
    var bitLength: Int {
        guard let last = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - last.leadingZeroBitCount)
    }

    /// The double nearest this integer, ties to even, as CPython's `PyLong_AsDouble` rounds it.
    ///
    /// - Returns: `nil` where Python raises `OverflowError` (`int too large to convert to float`).
    var correctlyRoundedDouble: Double? {
        let bits = bitLength
        if bits <= 64 {
            var value: UInt64 = 0
            // checked: bitLength <= 64 (checked above): at most two limbs, shifts 0 or 32
            for (index, limb) in limbs.enumerated() { value |= UInt64(limb) << (32 * UInt64(index)) }
            return Double(value)
        }
        // The top 64 bits, with every bit below them folded into the last one (sticky), round to
        // 53 bits exactly as the whole number does; the scaling by a power of two is exact.
        let shift = bits - 64
        var top: UInt64 = 0
        for bit in 0..<64 where self.bit(shift + bit) { top |= 1 << UInt64(bit) }  // checked: bit is 0..<64
        if (0..<shift).contains(where: { self.bit($0) }) { top |= 1 }
        let value = Double(top) * Double(sign: .plus, exponent: shift, significand: 1)
        return value.isFinite ? value : nil
    }

    private func bit(_ index: Int) -> Bool {
        let limb = index / 32
        guard limb < limbs.count else { return false }
        return limbs[limb] >> UInt32(index % 32) & 1 == 1  // checked: index % 32 is below 32
    }
}

/// A signed arbitrary-size integer: Python's `int` arithmetic for the sexagesimal sum.
internal struct YAMLSignedMagnitude {
    var negative = false
    var magnitude = YAMLScalarText.Magnitude()

    /// `self * factor` for a non-negative factor.
    mutating func multiply(by factor: UInt32) {
        magnitude.multiply(by: factor, adding: 0)
        if magnitude.isZero { negative = false }
    }

    /// `self + other`.
    mutating func add(negative otherNegative: Bool, _ other: YAMLScalarText.Magnitude) {
        if other.isZero { return }
        if magnitude.isZero {
            negative = otherNegative
            magnitude = other
        } else if negative == otherNegative {
            magnitude.add(other)
        } else if magnitude.compare(other) >= 0 {
            magnitude.subtract(other)
            if magnitude.isZero { negative = false }
        } else {
            var larger = other
            larger.subtract(magnitude)
            magnitude = larger
            negative = otherNegative
        }
    }
}
