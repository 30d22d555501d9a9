/// Werkzeug's `url_quote_plus` with nothing safe, and `url_unquote_plus`, for cookie keys.
package enum URLQuoting {
    /// Whether a byte is kept as is: `A-Z a-z 0-9 - . _ ~`.
    @inline(__always)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Appends `url_quote_plus(key)`: UTF-8, unreserved bytes kept, space as `+`, the rest `%XX` upper-case.
    package static func quotePlus(_ key: String, into output: inout [UInt8]) {
        for byte in key.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else if byte == UInt8(ascii: " ") {
                output.append(UInt8(ascii: "+"))
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(Hex.uppercaseDigits[Int(byte >> 4)])  // checked: a 4-bit index
                output.append(Hex.uppercaseDigits[Int(byte & 0x0F)])  // checked: a 4-bit index
            }
        }
    }

    /// `url_unquote_plus`: `+` is a space, `%XX` a byte; the bytes must be UTF-8.
    ///
    /// - Returns: `nil` for a bad `%` escape or bytes that are not UTF-8.
    package static func unquotePlus<C: Collection>(_ text: C) -> String? where C.Element == UInt8 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(Hex.value), let low = iterator.next().flatMap(Hex.value) else { return nil }
                bytes.append(high << 4 | low)  // checked: two hex digits: a byte
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
