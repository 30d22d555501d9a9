import SecureCookie

/// Strings and numbers, as Python's `_json.c` scanner reads them in strict mode.
extension JSONReader {
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))  // checked: a checked hex digit
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)  // checked: a checked hex digit
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)  // checked: a checked hex digit
        default: return nil
        }
    }

    // MARK: - Strings

    /// Reads a string; the position is at its opening quote.
    ///
    /// Control characters below U+0020 are refused (Python's strict mode); `\uXXXX` escapes join
    /// surrogate pairs; a lone surrogate is undecodable because a Swift string cannot hold one.
    internal mutating func readString(isKey: Bool = false) throws -> String {
        let begin = position
        // Fast path: no escapes.
        var (index, ascii) = scanPlain(from: position + 1)
        if index < input.count, input[index] == UInt8(ascii: "\"") {
            position = index + 1
            if isKey { return try key(begin + 1..<index, ascii: ascii, begin: begin) }
            return try makeString(UnsafeBufferPointer(rebasing: input[(begin + 1)..<index]), ascii: ascii, begin: begin)
        }
        guard index < input.count else { throw error("unterminated string starting", at: begin) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[(begin + 1)..<index]))
        while true {
            guard index < input.count else { throw error("unterminated string starting", at: begin) }
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                break
            }
            if byte < 0x20 { throw error("invalid control character", at: index) }
            guard byte == UInt8(ascii: "\\") else {
                if byte >= 0x80 { ascii = false }
                scratch.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < input.count else { throw error("unterminated string starting", at: begin) }
            let escape = input[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let escapeStart = index - 2
                guard var scalar = hexQuad(at: index) else { throw error("invalid \\uXXXX escape", at: escapeStart) }
                index += 4
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= input.count,
                    input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u")
                {
                    guard let low = hexQuad(at: index + 2) else { throw error("invalid \\uXXXX escape", at: index) }
                    if (0xDC00..<0xE000).contains(low) {
                        // checked: a checked surrogate pair: at most 0x10FFFF
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                if (0xD800..<0xE000).contains(scalar) {
                    throw SecureCookieError.undecodable(
                        "JSON: lone surrogate \\u\(String(scalar, radix: 16)) at offset \(escapeStart) (a Swift string cannot hold it)")
                }
                JSONEncodingDetection.appendUTF8(scalar, to: &scratch)
            default:
                throw error("invalid \\escape", at: index - 2)
            }
        }
        let bytes = scratch
        return try bytes.withUnsafeBufferPointer { try makeString($0, ascii: ascii, begin: begin) }
    }

    /// Where the plain run of string bytes starting at `start` ends (at `"`, `\\`, a control
    /// character or the end of input), and whether the run is ASCII; eight bytes at a time.
    @inline(__always)
    private func scanPlain(from start: Int) -> (end: Int, ascii: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        var seen: UInt64 = 0
        if let base = input.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= input.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A zero byte in `word ^ c` marks a byte equal to c; `word - 0x20…` borrows under 0x20.
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                seen |= word
                index += 8
            }
        }
        var ascii = seen & highs == 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        return (index, ascii)
    }

    /// The key for the unescaped text at `range`: the same string as an earlier key with the same
    /// bytes (a list of dicts repeats its keys), or a new one, remembered for the next keys.
    private mutating func key(_ range: Range<Int>, ascii: Bool, begin: Int) throws -> String {
        let count = range.count
        search: for entry in keyCache.indices where keyCache[entry].count == count {
            let start = keyCache[entry].start
            for offset in 0..<count where input[start + offset] != input[range.lowerBound + offset] { continue search }
            return keyCache[entry].key
        }
        let key = try makeString(UnsafeBufferPointer(rebasing: input[range]), ascii: ascii, begin: begin)
        if keyCache.isEmpty { keyCache.reserveCapacity(Self.keyCacheSize) }
        if keyCache.count < Self.keyCacheSize { keyCache.append((range.lowerBound, count, key)) }
        return key
    }

    private func hexQuad(at index: Int) -> UInt32? {
        guard index + 4 <= input.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = Self.hexValue(input[index + offset]) else { return nil }
            value = value << 4 | digit  // checked: four hex digits: 16 bits
        }
        return value
    }

    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, begin: Int) throws -> String {
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            // Python decodes with `surrogatepass`, so ED A0..BF xx is a lone surrogate there: say so.
            let surrogate = zip(bytes, bytes.dropFirst()).contains { $0 == 0xED && (0xA0...0xBF).contains($1) }
            throw SecureCookieError.undecodable(
                surrogate
                    ? "JSON: UTF-8-encoded lone surrogate in the string starting at offset \(begin) (a Swift string cannot hold it)"
                    : "JSON: invalid UTF-8 in the string starting at offset \(begin)")
        }
        return string
    }

    // MARK: - Numbers

    /// Reads a number; the position is at `-` or a digit.
    ///
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`: with a fraction or an exponent it is a float
    /// (`float(text)`: correctly rounded, overflow to infinity), otherwise an int of any size up to
    /// 4300 digits (Python's `int` max str digits).
    internal mutating func readNumber() throws -> PythonValue {
        let start = position
        var index = position
        let negative = input[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < input.count else { throw error("expecting value", at: start) }
        if input[index] == UInt8(ascii: "0") {
            index += 1
        } else if Self.isDigit(input[index]) {
            while index < input.count, Self.isDigit(input[index]) { index += 1 }
        } else {
            throw error("expecting value", at: start)
        }
        let integerEnd = index
        var isFloat = false
        var fractionEnd = integerEnd
        var exponentDigits = integerEnd..<integerEnd
        if index + 1 < input.count, input[index] == UInt8(ascii: "."), Self.isDigit(input[index + 1]) {
            index += 2
            while index < input.count, Self.isDigit(input[index]) { index += 1 }
            fractionEnd = index
            isFloat = true
        }
        if index < input.count, input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E") {
            let exponentStart = index
            index += 1
            if index < input.count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while index < input.count, Self.isDigit(input[index]) { index += 1 }
            if index > digitsStart {
                isFloat = true
                exponentDigits = digitsStart..<index
            } else {
                index = exponentStart
            }
        }
        position = index
        let text = UnsafeBufferPointer(rebasing: input[start..<index])
        if isFloat {
            if let double = exactFloat(
                digits: (negative ? start + 1 : start)..<fractionEnd, integerEnd: integerEnd, exponent: exponentDigits, negative: negative)
            {
                return .float(double)
            }
            guard let double = Double(String(decoding: text, as: UTF8.self)) else {
                throw error("bad number", at: start)
            }
            return .float(double)
        }
        let digitCount = integerEnd - start - (negative ? 1 : 0)
        if digitCount <= 18 {
            var magnitude = 0
            // checked: at most 18 digits, below 10^18
            for byte in text where byte != UInt8(ascii: "-") { magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0")) }
            return .int(negative ? -magnitude : magnitude)
        }
        guard digitCount <= PythonBigInt.maximumDecimalDigits else {
            throw SecureCookieError.limitExceeded(
                .integerDigits,
                "JSON integer of \(digitCount) digits at offset \(start) (Python's limit is \(PythonBigInt.maximumDecimalDigits))")
        }
        guard let big = PythonBigInt(decimal: String(decoding: text, as: UTF8.self)) else {
            throw error("bad integer", at: start)
        }
        return .integer(big)
    }

    /// Exact powers of ten as doubles, 10^0 through 10^22.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// A float read without a string when that is exact (Clinger's fast path): the digits, as an
    /// integer of at most 2^53, and 10^|exponent| (at most 10^22) are both exact doubles, so one
    /// multiplication or division rounds once, correctly, as `float(text)` does.
    ///
    /// - Parameters:
    ///   - digits: The integer digits, a `.` when `integerEnd < digits.upperBound`, then the fraction digits.
    ///   - integerEnd: Where the integer digits end.
    ///   - exponent: The digits after `e` and its sign (empty for none); the sign is just before them.
    ///   - negative: Whether a `-` came first.
    /// - Returns: The float, or `nil` when the fast path is not exact for these digits.
    private func exactFloat(digits: Range<Int>, integerEnd: Int, exponent: Range<Int>, negative: Bool) -> Double? {
        guard digits.count <= 20, exponent.count <= 4 else { return nil }
        var mantissa: UInt64 = 0
        for index in digits where index != integerEnd {
            // checked: wrapping on purpose; guarded by mantissa <= 2^53 over at most 20 digits
            mantissa = mantissa &* 10 &+ UInt64(input[index] &- UInt8(ascii: "0"))
        }
        guard mantissa <= 1 << 53 else { return nil }
        var power = 0
        for index in exponent { power = power * 10 + Int(input[index] &- UInt8(ascii: "0")) }  // checked: at most 4 exponent digits
        if !exponent.isEmpty, input[exponent.lowerBound - 1] == UInt8(ascii: "-") { power = -power }
        if integerEnd < digits.upperBound { power -= digits.upperBound - integerEnd - 1 }
        guard power >= -22 && power <= 22 else { return nil }
        var value = Double(mantissa)
        if power < 0 {
            value /= Self.powersOfTen[-power]
        } else {
            value *= Self.powersOfTen[power]
        }
        return negative ? -value : value
    }
}
