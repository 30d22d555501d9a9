import SecureCookie

/// The text arguments of protocol 0 opcodes: quoted Python 2 strings and `raw-unicode-escape`
/// text, parsed as CPython parses them (numbers: ``PickleNumberText``).
internal enum PickleText {
    /// The argument of `STRING`: a quoted Python 2 string literal, unescaped as `codecs.escape_decode`.
    static func quotedString(_ text: UnsafeBufferPointer<UInt8>, reader: PickleReader) throws -> [UInt8] {
        guard text.count >= 2, let first = text.first, first == text[text.count - 1],
            first == UInt8(ascii: "'") || first == UInt8(ascii: "\"")
        else { throw reader.error("the STRING opcode argument must be quoted") }
        let body = UnsafeBufferPointer(rebasing: text[1..<(text.count - 1)])
        var result: [UInt8] = []
        result.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            let byte = body[i]
            i += 1
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                continue
            }
            guard i < body.count else { throw reader.error("invalid \\ escape: trailing \\ in string") }
            let escape = body[i]
            i += 1
            switch escape {
            case UInt8(ascii: "\n"): break
            case UInt8(ascii: "\\"): result.append(0x5C)
            case UInt8(ascii: "'"): result.append(0x27)
            case UInt8(ascii: "\""): result.append(0x22)
            case UInt8(ascii: "a"): result.append(0x07)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "v"): result.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escape - UInt8(ascii: "0"))
                var taken = 1
                while taken < 3, i < body.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(body[i]) {
                    value = value * 8 + Int(body[i] - UInt8(ascii: "0"))
                    i += 1
                    taken += 1
                }
                result.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "x"):
                guard i + 1 < body.count, let high = hexValue(body[i]), let low = hexValue(body[i + 1]) else {
                    throw reader.error("invalid \\x escape at position \(i - 2) of a STRING")
                }
                result.append(UInt8(high << 4 | low))
                i += 2
            default:
                result.append(0x5C)
                result.append(escape)
            }
        }
        return result
    }

    /// The argument of `UNICODE`, decoded as `raw-unicode-escape`: bytes are code points
    /// U+0000-U+00FF, and `\uXXXX` / `\UXXXXXXXX` after an odd number of backslashes are escapes.
    static func rawUnicodeEscape(_ text: UnsafeBufferPointer<UInt8>, reader: PickleReader) throws -> String {
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < text.count {
            let byte = text[i]
            guard byte == UInt8(ascii: "\\") else {
                scalars.append(Unicode.Scalar(byte))
                i += 1
                continue
            }
            var backslashes = 0
            while i < text.count, text[i] == UInt8(ascii: "\\") {
                scalars.append("\\")
                backslashes += 1
                i += 1
            }
            guard backslashes % 2 == 1, i < text.count, text[i] == UInt8(ascii: "u") || text[i] == UInt8(ascii: "U")
            else { continue }
            scalars.removeLast()
            let width = text[i] == UInt8(ascii: "u") ? 4 : 8
            i += 1
            var code: UInt32 = 0
            for _ in 0..<width {
                guard i < text.count, let digit = hexValue(text[i]) else {
                    throw reader.error("truncated \\\(width == 4 ? "uXXXX" : "UXXXXXXXX") escape in a UNICODE argument")
                }
                code = code << 4 | UInt32(digit)
                i += 1
            }
            guard let scalar = Unicode.Scalar(code) else {
                if code > 0x10FFFF { throw reader.error("\\Uxxxxxxxx out of range in a UNICODE argument") }
                throw reader.error("the UNICODE argument holds a lone surrogate, which a Swift string cannot hold")
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// UTF-8 text (`BINUNICODE` and friends, `GLOBAL` names).
    @inline(__always)
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, reader: PickleReader, what: String) throws -> String {
        guard let text = UTF8Text.string(validating: bytes) else {
            throw reader.error("\(what) is not valid UTF-8 (or holds a surrogate, which a Swift string cannot hold)")
        }
        return text
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
