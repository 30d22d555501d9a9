import SecureCookie

/// The syntax of Python's `int(text, base)` for base 10 and 16, over ASCII: surrounding whitespace, an
/// optional sign, for base 16 an optional `0x` prefix (an underscore may follow it), then digits with
/// single underscores between them. The one reader of this rule for the Flask tags (UUID text and
/// HTTP-date fields).
internal enum PythonIntText {
    /// The sign and the digits' values, most significant first; `nil` where `int()` raises `ValueError`
    /// (Python's other Unicode digits and spaces included: ASCII only here).
    static func digits(_ text: some StringProtocol, base: Int) -> (negative: Bool, digits: [UInt8])? {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var body = Array(bytes)
        if base == 16, body.count >= 2, body[0] == UInt8(ascii: "0"), body[1] | 0x20 == UInt8(ascii: "x") {
            body.removeFirst(2)
            if body.first == UInt8(ascii: "_") { body.removeFirst() }
        }
        guard let first = body.first, first != UInt8(ascii: "_"), body.last != UInt8(ascii: "_") else { return nil }
        var values: [UInt8] = []
        values.reserveCapacity(body.count)
        var previousUnderscore = false
        for byte in body {
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

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
