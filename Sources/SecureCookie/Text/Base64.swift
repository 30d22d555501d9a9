/// Standard base64 (RFC 4648 alphabet `+/`, `=` padding), decoded strictly.
///
/// Strict means: only the alphabet, length a multiple of four, padding only at the end, and the
/// unused low bits of the last character zero. Python's `b64decode` is lenient on all of that;
/// Werkzeug only ever writes canonical base64, so what only a lenient decoder reads is refused.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let invalid: UInt8 = 0xFF
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    /// The base64 text of some bytes, appended to a buffer.
    package static func encode<C: Collection>(_ bytes: C, into output: inout [UInt8]) where C.Element == UInt8 {
        output.reserveCapacity(output.count + (bytes.count + 2) / 3 * 4)
        alphabet.withUnsafeBufferPointer { table in
            var iterator = bytes.makeIterator()
            while let a = iterator.next() {
                let b = iterator.next()
                let c = iterator.next()
                output.append(table[Int(a >> 2)])
                output.append(table[Int((a & 0x03) << 4 | (b ?? 0) >> 4)])
                if let b {
                    output.append(table[Int((b & 0x0F) << 2 | (c ?? 0) >> 6)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
                if let c { output.append(table[Int(c & 0x3F)]) } else { output.append(UInt8(ascii: "=")) }
            }
        }
    }

    /// The base64 text of some bytes.
    package static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var output: [UInt8] = []
        encode(bytes, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes strict base64, appending to a buffer.
    ///
    /// - Returns: `false` (leaving the buffer in an unspecified state) when the text is not canonical base64.
    package static func decode<C: Collection>(_ text: C, into output: inout [UInt8]) -> Bool where C.Element == UInt8 {
        let count = text.count
        guard count % 4 == 0 else { return false }
        if count == 0 { return true }
        output.reserveCapacity(output.count + count / 4 * 3)
        return decodeTable.withUnsafeBufferPointer { table -> Bool in
            var iterator = text.makeIterator()
            var remaining = count
            while remaining > 0 {
                remaining -= 4
                guard let c0 = iterator.next(), let c1 = iterator.next(), let c2 = iterator.next(), let c3 = iterator.next()
                else { return false }
                let v0 = table[Int(c0)], v1 = table[Int(c1)]
                guard v0 != invalid, v1 != invalid else { return false }
                output.append(v0 << 2 | v1 >> 4)
                if c2 == UInt8(ascii: "=") {
                    // "xx==": only at the very end, and the low 4 bits of v1 unused must be zero.
                    guard remaining == 0, c3 == UInt8(ascii: "="), v1 & 0x0F == 0 else { return false }
                    return true
                }
                let v2 = table[Int(c2)]
                guard v2 != invalid else { return false }
                output.append(v1 << 4 | v2 >> 2)
                if c3 == UInt8(ascii: "=") {
                    guard remaining == 0, v2 & 0x03 == 0 else { return false }
                    return true
                }
                let v3 = table[Int(c3)]
                guard v3 != invalid else { return false }
                output.append(v2 << 6 | v3)
            }
            return true
        }
    }

    /// Decodes strict base64.
    ///
    /// - Returns: `nil` when the text is not canonical base64.
    package static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        var output: [UInt8] = []
        return decode(text, into: &output) ? output : nil
    }
}
