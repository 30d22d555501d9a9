/// Strings and numbers, as Python's `_json.c` scanner reads them in strict mode.
extension JSONReader {
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: - Strings

    /// Reads a string; the position is at its opening quote.
    ///
    /// Control characters below U+0020 are refused (Python's strict mode); `\uXXXX` escapes join
    /// surrogate pairs; a lone surrogate is undecodable because a Swift string cannot hold one.
    internal mutating func readString() throws -> String {
        let begin = position
        var index = position + 1
        var ascii = true
        // Fast path: no escapes.
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return try makeString(UnsafeBufferPointer(rebasing: input[(begin + 1)..<index]), ascii: ascii, begin: begin)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("invalid control character", at: index) }
            if byte >= 0x80 { ascii = false }
            index += 1
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
                   input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u") {
                    guard let low = hexQuad(at: index + 2) else { throw error("invalid \\uXXXX escape", at: index) }
                    if (0xDC00..<0xE000).contains(low) {
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

    private func hexQuad(at index: Int) -> UInt32? {
        guard index + 4 <= input.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = Self.hexValue(input[index + offset]) else { return nil }
            value = value << 4 | digit
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
        if index + 1 < input.count, input[index] == UInt8(ascii: "."), Self.isDigit(input[index + 1]) {
            index += 2
            while index < input.count, Self.isDigit(input[index]) { index += 1 }
            isFloat = true
        }
        if index < input.count, input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E") {
            let exponentStart = index
            index += 1
            if index < input.count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while index < input.count, Self.isDigit(input[index]) { index += 1 }
            if index > digitsStart { isFloat = true } else { index = exponentStart }
        }
        position = index
        let text = UnsafeBufferPointer(rebasing: input[start..<index])
        if isFloat {
            guard let double = Double(String(decoding: text, as: UTF8.self)) else {
                throw error("bad number", at: start)
            }
            return .float(double)
        }
        let digitCount = integerEnd - start - (negative ? 1 : 0)
        if digitCount <= 18 {
            var magnitude = 0
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
}
