/// Python's `repr(float)`: the shortest digits that read back to the same double, laid out as Python lays them out.
///
/// Fixed notation while the decimal point falls between 10^-4 and 10^16 (`0.0001`, `1000000000000000.0`),
/// scientific otherwise (`1e-05`, `1e+16`, `1.5e+300`); `inf`, `-inf`, `nan` for the rest.
package enum PythonFloatRepr {
    /// The text `repr(value)` gives in Python 3.
    package static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (digits, decimalPoint) = shortestDigits(value.magnitude)
        let sign = value < 0 ? "-" : ""
        if decimalPoint > -4 && decimalPoint <= 16 {
            if decimalPoint <= 0 {
                return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
            }
            if decimalPoint >= digits.count {
                return sign + digits + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let exponent = decimalPoint - 1
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let exponentDigits = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
    }

    /// The shortest round-trip digits (no leading or trailing zeros) and the position of the
    /// decimal point: `value = 0.DIGITS × 10^decimalPoint`.
    package static func shortestDigits(_ value: Double) -> (digits: String, decimalPoint: Int) {
        // Swift's description is already the shortest round-trip form; only its layout differs.
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(of: "e") {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var decimalPoint = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, decimalPoint)
    }
}
