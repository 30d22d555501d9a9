/// Hexadecimal digits, both ways.
package enum Hex {
    /// Lower-case digits.
    package static let lowercaseDigits = Array("0123456789abcdef".utf8)
    /// Upper-case digits.
    package static let uppercaseDigits = Array("0123456789ABCDEF".utf8)

    /// The value of one hexadecimal digit (either case).
    @inline(__always)
    package static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The bytes of hexadecimal text (an even number of digits, either case).
    package static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)  // checked: two hex digits: a byte
            index += 2
        }
        return bytes
    }

    /// Lower-case hexadecimal text of bytes.
    package static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(lowercaseDigits[Int(byte >> 4)])  // checked: a 4-bit index
            text.append(lowercaseDigits[Int(byte & 0x0F)])  // checked: a 4-bit index
        }
        return String(decoding: text, as: UTF8.self)
    }
}
