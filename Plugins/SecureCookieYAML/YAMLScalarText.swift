import SecureCookie

/// Python's own text conversions that PyYAML's `SafeConstructor` calls: `int(text, base)`,
/// `float(text)`, `base64.decodebytes` and the timestamp pattern.
internal enum YAMLScalarText {
    /// A non-negative integer of any size, base 2^32, least significant limb first.
    struct Magnitude {
        var limbs: [UInt32] = []

        mutating func multiply(by factor: UInt32, adding addend: UInt32) {
            var carry = UInt64(addend)
            for i in limbs.indices {
                let product = UInt64(limbs[i]) * UInt64(factor) + carry
                limbs[i] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            if carry != 0 { limbs.append(UInt32(carry)) }
        }

        mutating func add(_ other: Magnitude) {
            var carry: UInt64 = 0
            for i in 0..<max(limbs.count, other.limbs.count) {
                if i == limbs.count { limbs.append(0) }
                let sum = UInt64(limbs[i]) + UInt64(i < other.limbs.count ? other.limbs[i] : 0) + carry
                limbs[i] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32
            }
            if carry != 0 { limbs.append(UInt32(carry)) }
        }

        /// The Python `int` with this magnitude and a sign.
        func value(negative: Bool) -> PythonValue {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(limbs.count * 4 + 1)
            for limb in limbs {
                for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: limb >> UInt32(shift))) }
            }
            bytes.append(0)
            if negative {
                var carry = 1
                for i in bytes.indices {
                    let sum = Int(~bytes[i]) + carry
                    bytes[i] = UInt8(truncatingIfNeeded: sum)
                    carry = sum >> 8
                }
            }
            return .integer(PythonBigInt(twosComplementLittleEndian: bytes))
        }
    }

    private static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || ("\t"..."\r").contains(c) || (c.value > 0x7F && c.properties.isWhitespace)
    }

    /// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`, which `int()` and `float()` apply
    /// first: a non-ASCII space becomes `" "`, a non-ASCII decimal digit (`"\u{0663}"`) its ASCII
    /// digit, any other non-ASCII character `"?"` (which then fails to parse).
    private static func asciiForm(_ text: Substring) -> Substring {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if c.isASCII {
                result.append(c)
            } else if isPythonSpace(c) {
                result.append(" ")
            } else if c.properties.numericType == .decimal, let value = c.properties.numericValue,
                let digit = Int(exactly: value), (0...9).contains(digit), let ascii = Unicode.Scalar(48 + digit)
            {
                result.append(ascii)
            } else {
                result.append("?")
            }
        }
        return Substring(String(result))
    }

    private static func stripped(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPythonSpace($0) }),
            let last = scalars.lastIndex(where: { !isPythonSpace($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }

    /// Python's `int(text, base)` for bases 2, 8, 10 and 16 (optional spaces, sign and base prefix).
    ///
    /// - Returns: The integer's sign and magnitude, or `nil` where Python raises `ValueError`.
    /// - Throws: ``SecureCookieError`` (limit exceeded) for more than 4300 decimal digits, as Python 3.11.
    static func pythonInt(_ text: Substring, base: UInt32) throws -> (negative: Bool, magnitude: Magnitude)? {
        var body = stripped(asciiForm(text))
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let lower = body.lowercased()
        if (base == 16 && lower.hasPrefix("0x")) || (base == 8 && lower.hasPrefix("0o")) || (base == 2 && lower.hasPrefix("0b")) {
            body = body.dropFirst(2)
            if body.first == "_" { body = body.dropFirst() }
        }
        guard !body.isEmpty else { return nil }
        if base == 10 && body.count > PythonBigInt.maximumDecimalDigits {
            throw SecureCookieError.limitExceeded(
                .integerDigits, "an integer of \(body.count) digits, more than \(PythonBigInt.maximumDecimalDigits)")
        }
        var magnitude = Magnitude()
        var previousWasUnderscore = true
        for c in body.unicodeScalars {
            if c == "_" {
                if previousWasUnderscore { return nil }
                previousWasUnderscore = true
                continue
            }
            let digit: UInt32
            switch c {
            case "0"..."9": digit = c.value - 48
            case "a"..."z": digit = c.value - 97 + 10
            case "A"..."Z": digit = c.value - 65 + 10
            default: return nil
            }
            guard digit < base else { return nil }
            magnitude.multiply(by: base, adding: digit)
            previousWasUnderscore = false
        }
        if previousWasUnderscore { return nil }
        return (negative, magnitude)
    }

    /// Python's `float(text)`: decimal text or `inf`/`infinity`/`nan` in any case, with spaces around.
    ///
    /// - Returns: The double, or `nil` where Python raises `ValueError`.
    static func pythonFloat(_ text: Substring) -> Double? {
        let body = stripped(asciiForm(text))
        var rest = Substring(body)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        switch rest.lowercased() {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        // digits [. digits] | . digits, then [e [sign] digits]; underscores only between digits.
        var cleaned = ""
        var sawDigit = false
        var state = 0  // 0 integer part, 1 fraction, 2 exponent sign, 3 exponent digits
        var previous: Character = " "
        for c in rest {
            switch c {
            case "0"..."9":
                cleaned.append(c)
                if state == 2 { state = 3 }
                if state <= 1 { sawDigit = true }
            case "_":
                guard previous.isASCII, previous.isNumber else { return nil }
            case ".":
                guard state == 0 else { return nil }
                state = 1
                cleaned.append(c)
            case "e", "E":
                guard state <= 1, sawDigit else { return nil }
                state = 2
                cleaned.append("e")
            case "-", "+":
                guard state == 2, previous == "e" || previous == "E" else { return nil }
                cleaned.append(c)
            default:
                return nil
            }
            if c == "_" { previous = "_" } else { previous = c }
        }
        guard sawDigit, state != 2, previous != "_", previous != "+", previous != "-" else { return nil }
        guard let value = Double(cleaned) else { return nil }
        return negative ? -value : value
    }

    /// `base64.decodebytes`: CPython's non-strict `binascii.a2b_base64`.
    ///
    /// Characters outside the alphabet are skipped; input stops at a complete pad sequence.
    ///
    /// - Returns: The bytes, or an error message where Python raises `binascii.Error`.
    static func base64DecodeBytes(_ text: String) -> Result<[UInt8], SecureCookieError> {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var quadPosition = 0
        var leftChar: UInt32 = 0
        var pads = 0
        var dataCharacters = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") {
                pads += 1
                if quadPosition >= 2 && quadPosition + pads >= 4 { return .success(output) }
                continue
            }
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte) - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte) - 97 + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte) - 48 + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: continue
            }
            pads = 0
            dataCharacters += 1
            switch quadPosition {
            case 0:
                quadPosition = 1
                leftChar = value
            case 1:
                quadPosition = 2
                output.append(UInt8(truncatingIfNeeded: (leftChar << 2) | (value >> 4)))
                leftChar = value & 0x0F
            case 2:
                quadPosition = 3
                output.append(UInt8(truncatingIfNeeded: (leftChar << 4) | (value >> 2)))
                leftChar = value & 0x03
            default:
                quadPosition = 0
                output.append(UInt8(truncatingIfNeeded: (leftChar << 6) | value))
                leftChar = 0
            }
        }
        if quadPosition == 1 {
            return .failure(
                .undecodable(
                    "!!binary: invalid base64: number of data characters (\(dataCharacters)) cannot be 1 more than a multiple of 4"))
        }
        if quadPosition != 0 { return .failure(.undecodable("!!binary: invalid base64: incorrect padding")) }
        return .success(output)
    }

    /// The fields of PyYAML's `timestamp_regexp`, or `nil` when it does not match.
    struct TimestampFields {
        var year = 0, month = 0, day = 0
        var time: (hour: Int, minute: Int, second: Int, fraction: Substring?)?
        /// `nil`: naive; `"Z"`: UTC; otherwise the sign, hours and minutes.
        var zone: (sign: Character?, hour: Int, minute: Int)?
    }

    /// Matches PyYAML's `SafeConstructor.timestamp_regexp`.
    static func timestampFields(_ text: String) -> TimestampFields? {
        var s = Array(text.unicodeScalars)
        if s.last == "\n" { s.removeLast() }  // Python's `$` matches before a final newline.
        var i = 0
        func digit() -> Int? {
            guard i < s.count, s[i] >= "0", s[i] <= "9" else { return nil }
            defer { i += 1 }
            return Int(s[i].value - 48)
        }
        func number(min: Int, max: Int) -> Int? {
            var value = 0
            for n in 0..<max {
                guard let d = digit() else { return n >= min ? value : nil }
                value = value * 10 + d
            }
            return value
        }
        func take(_ c: Unicode.Scalar) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        var fields = TimestampFields()
        guard let year = number(min: 4, max: 4), take("-"), let month = number(min: 1, max: 2), take("-"),
            let day = number(min: 1, max: 2)
        else { return nil }
        fields.year = year
        fields.month = month
        fields.day = day
        if i == s.count { return fields }
        if !(take("T") || take("t")) {
            var spaces = 0
            while take(" ") || take("\t") { spaces += 1 }
            guard spaces > 0 else { return nil }
        }
        guard let hour = number(min: 1, max: 2), take(":"), let minute = number(min: 2, max: 2), take(":"),
            let second = number(min: 2, max: 2)
        else { return nil }
        var fraction: Substring?
        if take(".") {
            let start = i
            while digit() != nil {}
            fraction = Substring(String(String.UnicodeScalarView(s[start..<i])))
        }
        fields.time = (hour, minute, second, fraction)
        if i == s.count { return fields }
        while take(" ") || take("\t") {}
        if take("Z") {
            fields.zone = (nil, 0, 0)
        } else {
            let sign: Character
            if take("-") { sign = "-" } else if take("+") { sign = "+" } else { return nil }
            guard let zoneHour = number(min: 1, max: 2) else { return nil }
            var zoneMinute = 0
            if take(":") {
                guard let m = number(min: 2, max: 2) else { return nil }
                zoneMinute = m
            }
            fields.zone = (sign, zoneHour, zoneMinute)
        }
        return i == s.count ? fields : nil
    }
}
