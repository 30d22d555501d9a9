/// Standard base64 (RFC 4648 alphabet `+/`, `=` padding), decoded strictly.
///
/// Strict means: only the alphabet, length a multiple of four, padding only at the end, and the
/// unused low bits of the last character zero. Python's `b64decode` is lenient on all of that;
/// Werkzeug only ever writes canonical base64, so what only a lenient decoder reads is refused.
///
/// The work is done on raw buffers (four characters to three bytes per step, written in place into
/// room made once); the generic entry points take that path for any contiguous collection.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let invalid: UInt8 = 0xFF
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }  // checked: 64 entries: index below 64
        return table
    }()

    /// The length of the base64 text of `count` bytes.
    @inline(__always)
    package static func encodedCount(of count: Int) -> Int { (count + 2) / 3 * 4 }

    /// The base64 text of some bytes, appended to a buffer.
    package static func encode<C: Collection>(_ bytes: C, into output: inout [UInt8]) where C.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ encode(UnsafeRawBufferPointer($0), into: &output) }) == nil {
            Array(bytes).withUnsafeBytes { encode($0, into: &output) }
        }
    }

    /// The base64 text of the bytes in a buffer, appended to an array.
    package static func encode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let start = output.count
        let count = encodedCount(of: bytes.count)
        guard count > 0 else { return }
        output.append(contentsOf: repeatElement(0, count: count))
        output.withUnsafeMutableBytes { buffer in
            _ = encode(bytes, to: UnsafeMutableRawBufferPointer(rebasing: buffer[start..<(start + count)]))
        }
    }

    /// Writes the base64 text of `bytes` at the start of `output`, which must hold ``encodedCount(of:)`` bytes.
    ///
    /// - Returns: The number of bytes written.
    package static func encode(_ bytes: UnsafeRawBufferPointer, to output: UnsafeMutableRawBufferPointer) -> Int {
        let count = bytes.count
        precondition(output.count >= encodedCount(of: count), "base64 output buffer too small")
        return alphabet.withUnsafeBufferPointer { table -> Int in
            var input = 0
            var written = 0
            while input + 3 <= count {
                // checked: three bytes into 24 bits
                let word = UInt32(bytes[input]) << 16 | UInt32(bytes[input + 1]) << 8 | UInt32(bytes[input + 2])
                output[written] = table[Int(word >> 18)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                output[written + 1] = table[Int(word >> 12 & 0x3F)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                output[written + 2] = table[Int(word >> 6 & 0x3F)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                output[written + 3] = table[Int(word & 0x3F)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                input += 3
                written += 4
            }
            if input < count {
                let a = bytes[input]
                let b: UInt8 = input + 1 < count ? bytes[input + 1] : 0
                output[written] = table[Int(a >> 2)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                output[written + 1] = table[Int((a & 0x03) << 4 | b >> 4)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                // checked: a 6-bit or byte index into a 64- or 256-entry table
                output[written + 2] = input + 1 < count ? table[Int((b & 0x0F) << 2)] : UInt8(ascii: "=")
                output[written + 3] = UInt8(ascii: "=")
                written += 4
            }
            return written
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
        if let result = text.withContiguousStorageIfAvailable({ decode(UnsafeRawBufferPointer($0), into: &output) }) {
            return result
        }
        return Array(text).withUnsafeBytes { decode($0, into: &output) }
    }

    /// Decodes strict base64 from a buffer, appending to an array.
    ///
    /// - Returns: `false` (leaving the array in an unspecified state) when the text is not canonical base64.
    package static func decode(_ text: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        let count = text.count
        guard count % 4 == 0 else { return false }
        if count == 0 { return true }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: count / 4 * 3))
        let written = output.withUnsafeMutableBytes { buffer in
            decode(text, to: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]))
        }
        guard let written else { return false }
        output.removeLast(count / 4 * 3 - written)
        return true
    }

    /// Decodes strict base64 (length a multiple of four) into `output`, which must hold three bytes
    /// for every four characters.
    ///
    /// - Returns: The number of bytes written, or `nil` when the text is not canonical base64.
    package static func decode(_ text: UnsafeRawBufferPointer, to output: UnsafeMutableRawBufferPointer) -> Int? {
        let count = text.count
        guard count % 4 == 0, output.count >= count / 4 * 3 else { return nil }
        if count == 0 { return 0 }
        return decodeTable.withUnsafeBufferPointer { table -> Int? in
            // Every quad but the last has no padding: a valid character maps below 64, so OR-ing the
            // four table values catches any invalid one (0xFF) with a single test.
            var input = 0
            var written = 0
            let last = count - 4
            while input < last {
                let v0 = table[Int(text[input])]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                let v1 = table[Int(text[input + 1])]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                let v2 = table[Int(text[input + 2])]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                let v3 = table[Int(text[input + 3])]  // checked: a 6-bit or byte index into a 64- or 256-entry table
                guard (v0 | v1 | v2 | v3) & 0xC0 == 0 else { return nil }
                let word = UInt32(v0) << 18 | UInt32(v1) << 12 | UInt32(v2) << 6 | UInt32(v3)  // checked: four 6-bit values into 24 bits
                output[written] = UInt8(truncatingIfNeeded: word >> 16)  // checked: byte extraction, truncating on purpose
                output[written + 1] = UInt8(truncatingIfNeeded: word >> 8)  // checked: byte extraction, truncating on purpose
                output[written + 2] = UInt8(truncatingIfNeeded: word)
                input += 4
                written += 3
            }
            let c2 = text[last + 2]
            let c3 = text[last + 3]
            let v0 = table[Int(text[last])]  // checked: a 6-bit or byte index into a 64- or 256-entry table
            let v1 = table[Int(text[last + 1])]  // checked: a 6-bit or byte index into a 64- or 256-entry table
            guard v0 != invalid, v1 != invalid else { return nil }
            output[written] = v0 << 2 | v1 >> 4  // checked: 6-bit values, bits past a byte dropped on purpose
            if c2 == UInt8(ascii: "=") {
                // "xx==": the low 4 bits of v1 are unused and must be zero.
                guard c3 == UInt8(ascii: "="), v1 & 0x0F == 0 else { return nil }
                return written + 1
            }
            let v2 = table[Int(c2)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
            guard v2 != invalid else { return nil }
            output[written + 1] = v1 << 4 | v2 >> 2  // checked: 6-bit values, bits past a byte dropped on purpose
            if c3 == UInt8(ascii: "=") {
                guard v2 & 0x03 == 0 else { return nil }
                return written + 2
            }
            let v3 = table[Int(c3)]  // checked: a 6-bit or byte index into a 64- or 256-entry table
            guard v3 != invalid else { return nil }
            output[written + 2] = v2 << 6 | v3  // checked: 6-bit values, bits past a byte dropped on purpose
            return written + 3
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
