/// The syntax of Python's `int(text, base)` for base 10 and 16: surrounding whitespace, an optional
/// sign, for base 16 an optional `0x` prefix (an underscore may follow it), then digits with single
/// underscores between them. The one reader of this rule: ``PythonUUID/init(_:)`` (as
/// `uuid.UUID(text)` reads its hex) and Flask's HTTP-date fields.
///
/// As CPython does before it parses (`_PyUnicode_TransformDecimalAndSpaceToASCII`), a non-ASCII
/// whitespace character reads as a space and a non-ASCII decimal digit (`٣`, `３`) as its ASCII digit;
/// the ASCII whitespace `int()` strips is space, tab, line feed, vertical tab, form feed and carriage
/// return (not the separators U+001C to U+001F, which `str.isspace()` counts). Decimal digits follow
/// Swift's Unicode tables, which are newer than CPython 3.11's Unicode 14: digits of scripts added
/// since (110 of them) are read here and refused there.
package enum PythonIntText {
    /// The sign and the digits' values, most significant first; `nil` where `int()` raises `ValueError`.
    package static func digits(_ text: some StringProtocol, base: Int) -> (negative: Bool, digits: [UInt8])? {
        var body: [UInt8] = []
        body.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let byte = asciiForm(scalar) else { return nil }
            body.append(byte)
        }
        var start = 0
        var end = body.count
        while start < end, isSpace(body[start]) { start += 1 }
        while end > start, isSpace(body[end - 1]) { end -= 1 }
        var negative = false
        if start < end, body[start] == UInt8(ascii: "+") || body[start] == UInt8(ascii: "-") {
            negative = body[start] == UInt8(ascii: "-")
            start += 1
        }
        if base == 16, end - start >= 2, body[start] == UInt8(ascii: "0"), body[start + 1] | 0x20 == UInt8(ascii: "x") {
            start += 2
            if start < end, body[start] == UInt8(ascii: "_") { start += 1 }
        }
        guard start < end, body[start] != UInt8(ascii: "_"), body[end - 1] != UInt8(ascii: "_") else { return nil }
        var values: [UInt8] = []
        values.reserveCapacity(end - start)
        var previousUnderscore = false
        for byte in body[start..<end] {
            if byte == UInt8(ascii: "_") {
                guard !previousUnderscore else { return nil }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            guard let value = Hex.value(byte), Int(value) < base else { return nil }  // checked: a digit's value widens
            values.append(value)
        }
        return (negative, values)
    }

    /// The ASCII byte CPython reads a character as, or `nil` for a non-ASCII character that is neither
    /// whitespace nor a decimal digit (no digit, sign or space in any base).
    private static func asciiForm(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.isASCII { return UInt8(truncatingIfNeeded: scalar.value) }  // checked: ASCII fits a byte
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return UInt8(ascii: " ")
        default:
            guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
                value >= 0, value <= 9
            else { return nil }
            return UInt8(ascii: "0") + UInt8(value)  // checked: a decimal digit is 0...9
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
