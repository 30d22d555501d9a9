import SecureCookie

extension PickleAllowlist.Builder {
    /// A real or complex argument of `complex()`: `(real, imaginary, isComplex)`.
    private func complexPart(_ item: PickleItem) throws -> (Double, Double, Bool) {
        switch item {
        case .value(.int(let value)): return (Double(value), 0, false)
        case .value(.bool(let value)): return (value ? 1 : 0, 0, false)
        case .value(.float(let value)): return (value, 0, false)
        case .value(.complex(let real, let imaginary)): return (real, imaginary, true)
        case .value(.bigInt(let value)):
            let double = Self.nearestDouble(value)
            guard double.isFinite else { throw bad("an int argument is too large to convert to float") }
            return (double, 0, false)
        default:
            throw bad("needs numbers, not \(item.typeName)")
        }
    }

    /// The double nearest an integer, rounded once, half to even, as CPython's `int.__float__`
    /// (infinity when it rounds past the largest double).
    static func nearestDouble(_ value: PythonBigInt) -> Double {
        var bytes = value.twosComplementLittleEndian
        if value.isNegative {
            var carry = true
            for index in bytes.indices {
                let inverted = ~bytes[index]
                bytes[index] = carry ? inverted &+ 1 : inverted
                if carry, inverted != 0xFF { carry = false }
            }
        }
        while let last = bytes.last, last == 0 { bytes.removeLast() }
        guard let top = bytes.last else { return 0 }
        let bits = (bytes.count - 1) * 8 + (8 - top.leadingZeroBitCount)
        // checked: one bit of a byte, widened
        func bit(_ position: Int) -> UInt64 { UInt64(bytes[position / 8] >> UInt8(position % 8) & 1) }
        let shift = Swift.max(0, bits - 64)
        var significand: UInt64 = 0
        // checked: at most 64 positions (from bits - 1 down to bits - 64), so no bit is lost
        for position in stride(from: bits - 1, through: shift, by: -1) { significand = significand << 1 | bit(position) }
        // A sticky bit for everything below the 64 kept: they decide only a tie, far below bit 53.
        let sticky =
            // checked: shift % 8 is below 8
            (0..<(shift / 8)).contains { bytes[$0] != 0 } || (shift % 8 != 0 && bytes[shift / 8] & (1 << UInt8(shift % 8) - 1) != 0)
        if sticky { significand |= 1 }
        let magnitude = Double(sign: .plus, exponent: shift, significand: Double(significand))
        return value.isNegative ? -magnitude : magnitude
    }

    /// `complex(real=0, imag=0)` with numbers, combined as CPython's `complex_new` does.
    func complexNumber() throws -> PythonValue {
        guard arguments.count <= 2 else { throw bad("takes at most 2 arguments, got \(arguments.count)") }
        guard let first = arguments.first else { return .complex(0, 0) }
        if case .value(.str) = try decoded(first) { throw bad("reading a complex from a str is not supported") }
        let (realOfReal, imaginaryOfReal, realIsComplex) = try complexPart(first)
        guard arguments.count == 2 else { return .complex(realOfReal, imaginaryOfReal) }
        let (realOfImaginary, imaginaryOfImaginary, imaginaryIsComplex) = try complexPart(arguments[1])
        let real = imaginaryIsComplex ? realOfReal - imaginaryOfImaginary : realOfReal
        let imaginary = realIsComplex ? realOfImaginary + imaginaryOfReal : realOfImaginary
        return .complex(real, imaginary)
    }

    /// `Decimal(value="0")` from an int or a str (white space around it, underscores and any
    /// Unicode decimal digits allowed, as CPython reads it).
    func decimalNumber() throws -> PythonDecimal {
        guard arguments.count <= 1 else { throw bad("takes at most 1 argument (no context), got \(arguments.count)") }
        var text = "0"
        switch try arguments.first.map(textual) {
        case nil: break
        case .value(.int(let value))?: text = String(value)
        case .value(.bool(let value))?: text = value ? "1" : "0"
        case .value(.bigInt(let value))?:
            guard value.decimalDigitBound <= PythonDecimal.maximumTextLength else {
                throw SecureCookieError.limitExceeded(
                    .integerDigits,
                    "an int of \(value.bitWidth) bits passed to \(global.name)() exceeds "
                        + "\(PythonDecimal.maximumTextLength) digits (offset \(reader.opcodeOffset))")
            }
            text = value.description
        case .value(.str(let given))?: text = Self.decimalText(given)
        case let item?: throw bad("conversion from \(item.typeName) to Decimal is not supported")
        }
        guard let decimal = PythonDecimal(text) else {
            throw bad("invalid literal for Decimal (a str of \(text.utf8.count) bytes)")
        }
        return decimal
    }

    /// The text `Decimal(str)` parses: surrounding white space stripped, underscores dropped and
    /// Unicode decimal digits made ASCII (CPython's `numeric_as_ascii(u, 1, 1)`).
    static func decimalText(_ given: String) -> String {
        var scalars = Array(given.unicodeScalars)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var text = ""
        for scalar in scalars where scalar != "_" {
            if !scalar.isASCII, scalar.properties.numericType == .decimal,
                let digit = scalar.properties.numericValue.flatMap({ UInt32(exactly: $0) }), digit < 10,
                let ascii = Unicode.Scalar(UInt32(UInt8(ascii: "0")) + digit)  // checked: a decimal digit value, 0-9
            {
                text.unicodeScalars.append(ascii)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
