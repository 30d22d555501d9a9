/// Python's `repr(float)`: the shortest digits that read back to the same double, laid out as Python lays them out.
///
/// Fixed notation while the decimal point falls between 10^-4 and 10^16 (`0.0001`, `1000000000000000.0`),
/// scientific otherwise (`1e-05`, `1e+16`, `1.5e+300`); `inf`, `-inf`, `nan` for the rest.
package enum PythonFloatRepr {
    /// The text `repr(value)` gives in Python 3.
    package static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var bytes = OutputBuffer(capacity: 32)
        appendFinite(value, to: &bytes)
        return bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `repr(value)` as UTF-8 for a finite value (`inf`, `-inf`, `nan` otherwise).
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - bytes: Where the text goes.
    package static func append(_ value: Double, to bytes: inout OutputBuffer) {
        if value.isNaN {
            appendASCII("nan", to: &bytes)
        } else if value.isInfinite {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            appendASCII("inf", to: &bytes)
        } else {
            appendFinite(value, to: &bytes)
        }
    }

    /// Appends the repr of a finite value: Swift's `description` (already the shortest round-trip
    /// digits) taken apart and laid out again by Python's rules, without intermediate strings.
    private static func appendFinite(_ value: Double, to bytes: inout OutputBuffer) {
        if value == 0 {
            if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            appendASCII("0.0", to: &bytes)
            return
        }
        var text = value.magnitude.description
        text.withUTF8 { layOut(ShortestDigits(parsing: $0), negative: value < 0, to: &bytes) }
    }

    private static func appendASCII(_ text: StaticString, to bytes: inout OutputBuffer) {
        bytes.append(text)
    }

    /// Writes digits with their decimal point as Python's `float_repr_style = 'short'` does.
    private static func layOut(_ parsed: ShortestDigits, negative: Bool, to bytes: inout OutputBuffer) {
        let count = parsed.count
        let point = parsed.decimalPoint
        if negative { bytes.append(UInt8(ascii: "-")) }
        if point > -4 && point <= 16 {
            if point <= 0 {
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "."))
                for _ in 0 ..< -point { bytes.append(UInt8(ascii: "0")) }
                parsed.appendDigits(to: &bytes, pointAfter: count)
            } else if point >= count {
                parsed.appendDigits(to: &bytes, pointAfter: count)
                for _ in 0..<point - count { bytes.append(UInt8(ascii: "0")) }
                bytes.append(UInt8(ascii: "."))
                bytes.append(UInt8(ascii: "0"))
            } else {
                parsed.appendDigits(to: &bytes, pointAfter: point)
            }
            return
        }
        parsed.appendDigits(to: &bytes, pointAfter: 1)
        let exponent = point - 1
        bytes.append(UInt8(ascii: "e"))
        bytes.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = exponent.magnitude
        if magnitude >= 100 { bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / 100 % 10)) }
        bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
    }

    /// The shortest round-trip digits (no leading or trailing zeros) and the position of the
    /// decimal point: `value = 0.DIGITS × 10^decimalPoint`.
    package static func shortestDigits(_ value: Double) -> (digits: String, decimalPoint: Int) {
        var text = value.magnitude.description
        return text.withUTF8 { buffer in
            let parsed = ShortestDigits(parsing: buffer)
            var digits = OutputBuffer(capacity: 32)
            parsed.appendDigits(to: &digits, pointAfter: parsed.count)
            return (digits.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }, parsed.decimalPoint)
        }
    }
}

/// Swift's `description` of a non-negative finite double taken apart: `[0-9]*(.[0-9]*)?(e[+-]?[0-9]+)?`,
/// read generically rather than assuming which of its layouts it chose. Positions refer to the text.
private struct ShortestDigits {
    let text: UnsafeBufferPointer<UInt8>
    /// Where the first significant digit is, and just past the last one (`"0"` for zero).
    private var first = 0
    private var end = 0
    /// The number of significant digits.
    private(set) var count = 0
    /// `value = 0.DIGITS × 10^decimalPoint`.
    private(set) var decimalPoint = 1

    init(parsing text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        var integerDigits = 0
        var leadingZeros = 0
        var seenPoint = false
        var seenSignificant = false
        var digitsSinceLastNonZero = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                if !seenPoint { integerDigits += 1 }
                if byte != UInt8(ascii: "0") {
                    if !seenSignificant { first = index }
                    seenSignificant = true
                    count += digitsSinceLastNonZero + 1
                    digitsSinceLastNonZero = 0
                    end = index + 1
                } else if seenSignificant {
                    digitsSinceLastNonZero += 1
                } else {
                    leadingZeros += 1
                }
            } else {
                break
            }
            index += 1
        }
        var exponent = 0
        if index < text.count, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            var negative = false
            if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                negative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < text.count, text[index] &- UInt8(ascii: "0") < 10, exponent < 100_000 {
                exponent = exponent * 10 + Int(text[index] &- UInt8(ascii: "0"))  // checked: the loop stops below 100,000
                index += 1
            }
            if negative { exponent = -exponent }
        }
        if seenSignificant { decimalPoint = integerDigits + exponent - leadingZeros }
    }

    /// Appends the digits, with a `.` after the first `pointAfter` of them when some follow.
    func appendDigits(to bytes: inout OutputBuffer, pointAfter: Int) {
        guard count > 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var written = 0
        for index in first..<end where text[index] != UInt8(ascii: ".") {
            if written == pointAfter { bytes.append(UInt8(ascii: ".")) }
            bytes.append(text[index])
            written += 1
        }
    }
}
