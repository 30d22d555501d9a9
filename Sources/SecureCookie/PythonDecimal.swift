/// A Python `decimal.Decimal`: sign, coefficient digits and exponent, exactly as Python keeps them.
///
/// `Decimal("1.10")` keeps its trailing zero (``description`` is `1.10`) but equals `Decimal("1.1")`.
public struct PythonDecimal: Sendable, Hashable, CustomStringConvertible {
    /// The kind of a decimal.
    public enum Form: Sendable, Hashable {
        /// A finite number: `coefficient × 10^exponent`.
        case finite(coefficient: String, exponent: Int)
        /// Infinity.
        case infinity
        /// A quiet NaN with an optional payload.
        case nan(payload: String)
        /// A signalling NaN with an optional payload.
        case signalingNaN(payload: String)
    }

    /// Whether the sign is negative (`-0` is kept, as in Python).
    public let isNegative: Bool
    /// The number.
    public let form: Form

    /// The most characters of decimal text accepted.
    public static let maximumTextLength = 4300

    /// Parses decimal text as `Decimal(str)` does (surrounding white space and underscores are not accepted).
    ///
    /// Fails (is `nil`) for text Python's `Decimal` refuses.
    ///
    /// - Parameter text: For example `1.10`, `-0`, `1E+2`, `Infinity`, `NaN`.
    public init?(_ text: String) {
        guard text.utf8.count <= Self.maximumTextLength else { return nil }
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        isNegative = negative
        let lower = rest.lowercased()
        if lower == "inf" || lower == "infinity" {
            form = .infinity
            return
        }
        for (prefix, signalling) in [("snan", true), ("nan", false)] where lower.hasPrefix(prefix) {
            let payload = lower.dropFirst(prefix.count)
            guard payload.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            let trimmed = String(payload.drop(while: { $0 == "0" }))
            form = signalling ? .signalingNaN(payload: trimmed) : .nan(payload: trimmed)
            return
        }
        var mantissa = rest
        var exponent = 0
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = rest[..<e]
            let exponentText = rest[rest.index(after: e)...]
            // Python's Decimal takes exponents of up to 18 digits (libmpdec's MPD_MAX_EMAX, 999999999999999999).
            let exponentDigits = exponentText.drop(while: { $0 == "+" || $0 == "-" })
            guard exponentText.count - exponentDigits.count <= 1, exponentDigits.count <= 18,
                let value = Int(exponentText)  // checked: failable parse of at most 18 digits
            else { return nil }
            exponent = value
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fractionPart = parts.count > 1 ? parts[1] : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty),
            (integerPart + fractionPart).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        let digits = String((integerPart + fractionPart).drop(while: { $0 == "0" }))
        form = .finite(coefficient: digits.isEmpty ? "0" : digits, exponent: exponent - fractionPart.count)
    }

    /// The text `str(Decimal)` writes: plain when the exponent is small, scientific otherwise.
    public var description: String {
        let sign = isNegative ? "-" : ""
        switch form {
        case .infinity: return sign + "Infinity"
        case .nan(let payload): return sign + "NaN" + payload
        case .signalingNaN(let payload): return sign + "sNaN" + payload
        case .finite(let coefficient, let exponent):
            let leftDigits = exponent + coefficient.count
            let dotPlace = (exponent <= 0 && leftDigits > -6) ? leftDigits : 1
            var integerPart: String
            var fractionPart: String
            if dotPlace <= 0 {
                integerPart = "0"
                fractionPart = "." + String(repeating: "0", count: -dotPlace) + coefficient
            } else if dotPlace >= coefficient.count {
                integerPart = coefficient + String(repeating: "0", count: dotPlace - coefficient.count)
                fractionPart = ""
            } else {
                integerPart = String(coefficient.prefix(dotPlace))
                fractionPart = "." + coefficient.dropFirst(dotPlace)
            }
            let exponentText = leftDigits == dotPlace ? "" : "E" + (leftDigits - dotPlace >= 0 ? "+" : "") + String(leftDigits - dotPlace)
            return sign + integerPart + fractionPart + exponentText
        }
    }

    /// The value with trailing zeros of the coefficient removed: equal decimals share it.
    internal var normalized: (negative: Bool, form: Form) {
        guard case .finite(let coefficient, let exponent) = form else { return (isNegative, form) }
        if coefficient == "0" { return (false, .finite(coefficient: "0", exponent: 0)) }
        let trimmed = coefficient.reversed().drop(while: { $0 == "0" })
        return (isNegative, .finite(coefficient: String(trimmed.reversed()), exponent: exponent + coefficient.count - trimmed.count))
    }

    /// The integer value when the decimal is finite and integral (bounded in size).
    internal var integerValue: PythonBigInt? {
        guard case .finite(let coefficient, let exponent) = normalized.form else { return nil }
        guard exponent >= 0, coefficient.count + exponent <= PythonBigInt.maximumDecimalDigits else { return nil }
        return PythonBigInt(decimal: (isNegative ? "-" : "") + coefficient + String(repeating: "0", count: exponent))
    }

    /// Equal when the numbers are equal, as Python compares decimals (`1.10 == 1.1`; NaN equals NaN here).
    public static func == (lhs: PythonDecimal, rhs: PythonDecimal) -> Bool {
        let l = lhs.normalized
        let r = rhs.normalized
        switch (l.form, r.form) {
        case (.nan, .nan), (.signalingNaN, .signalingNaN): return true
        default: return l.negative == r.negative && l.form == r.form
        }
    }

    /// Hashes the normalised number.
    public func hash(into hasher: inout Hasher) {
        let n = normalized
        switch n.form {
        case .nan: hasher.combine(0)
        case .signalingNaN: hasher.combine(1)
        default:
            hasher.combine(n.negative)
            hasher.combine(n.form)
        }
    }
}
