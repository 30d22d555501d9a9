import SecureCookie

/// `uuid.UUID(text)`, as Flask's ` u` tag loads it.
internal enum FlaskUUIDText {
    /// `UUID(hex)`: `urn:` and `uuid:` removed wherever they are, braces stripped from both ends, dashes
    /// removed; then 32 characters that Python's `int(text, 16)` reads (surrounding whitespace, a sign,
    /// a `0x` prefix, single underscores between digits), in 0..<2^128.
    ///
    /// - Returns: `nil` where Python raises `ValueError`.
    static func parse(_ text: String) -> PythonUUID? {
        var hex = text.replacingAll("urn:", with: "").replacingAll("uuid:", with: "")
        while hex.first == "{" || hex.first == "}" { hex.removeFirst() }
        while hex.last == "{" || hex.last == "}" { hex.removeLast() }
        hex = hex.replacingAll("-", with: "")
        guard hex.unicodeScalars.count == 32 else { return nil }
        guard let (negative, digits) = PythonIntText.digits(hex, base: 16) else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for nibble in digits {
            // At most 32 characters, so at most 32 digits: 128 bits.
            high = high << 4 | low >> 60  // checked: shifting a 128-bit value held in two words, by 4
            low = low << 4 | UInt64(nibble)  // checked: a nibble widens
        }
        if negative && (high != 0 || low != 0) { return nil }
        return PythonUUID(high: high, low: low)
    }
}

extension String {
    /// Python's `str.replace(target, replacement)`, by code points.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars)
        let pattern = Array(target.unicodeScalars)
        guard !pattern.isEmpty else { return self }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + pattern.count <= scalars.count, Array(scalars[index..<(index + pattern.count)]) == pattern {
                result.append(contentsOf: replacement.unicodeScalars)
                index += pattern.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
